package io.hearken.common.events;

/**
 * Who an insight event is about, as the response that started it named them: the tenant's customer id, the email
 * and the phone (any may be null), and whether they came verified (from a signed invitation) or were only typed on a
 * form. A consumer resolves the customer from these the way it resolves the respondent of a response.
 */
public record CustomerIdentities(String customerId, String email, String phone, boolean verified) {
}
