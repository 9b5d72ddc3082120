package io.hearken.testing;

import io.restassured.response.Response;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * What reached a mailbox of the local mail server (GreenMail, started by ./hearken), read through its HTTP API:
 * tests follow the links survey invitations carry, as a customer would.
 */
public final class MailInbox {

    private static final Pattern INVITATION = Pattern.compile("invitation=(inv1\\.[A-Za-z0-9._-]+)");

    private MailInbox() {
    }

    /** The first mail that reached {@code address}, decoded to text, waiting up to {@code timeout} for it. */
    public static String firstMail(String mailApi, String address, Duration timeout) {
        return await().atMost(timeout).until(() -> {
            Response inbox = given().baseUri(mailApi).when().get("/api/user/" + address + "/messages/INBOX");
            if (inbox.statusCode() != 200) {
                return null; // GreenMail knows a mailbox only once mail reached it
            }
            List<String> messages = inbox.jsonPath().getList("mimeMessage");
            return messages.isEmpty() ? null : quotedPrintable(messages.get(0));
        }, mail -> mail != null);
    }

    /** The invitation token in the first mail that reached {@code address}. */
    public static String invitationTo(String mailApi, String address, Duration timeout) {
        String mail = firstMail(mailApi, address, timeout);
        Matcher token = INVITATION.matcher(mail);
        if (!token.find()) {
            throw new AssertionError("the mail to " + address + " carries no invitation link:\n" + mail);
        }
        return token.group(1);
    }

    /** Decodes quoted-printable mail text (soft line breaks, =XX bytes) as UTF-8. */
    public static String quotedPrintable(String mime) {
        String joined = mime.replace("=\r\n", "").replace("=\n", "");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < joined.length(); i++) {
            char c = joined.charAt(i);
            if (c == '=' && i + 2 < joined.length() && Character.digit(joined.charAt(i + 1), 16) >= 0
                    && Character.digit(joined.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(joined.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
