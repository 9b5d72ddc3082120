package io.hearken.insight.rest;

import io.hearken.common.http.CallerHeader;
import io.hearken.common.http.TenantHeader;
import io.hearken.common.page.Page;
import io.hearken.common.page.PageCursor;
import io.hearken.common.problem.Problem;
import io.hearken.common.problem.ProblemException;
import io.hearken.insight.domain.CaseNote;
import io.hearken.insight.domain.CaseOutcome;
import io.hearken.insight.domain.CaseStatus;
import io.hearken.insight.domain.CaseTransitionException;
import io.hearken.insight.domain.DateRange;
import io.hearken.insight.domain.DomainRuleException;
import io.hearken.insight.domain.FollowUpCase;
import io.hearken.insight.domain.InvalidQueryException;
import io.hearken.insight.domain.Priority;
import io.hearken.insight.repository.CaseQuery;
import io.hearken.insight.repository.ListPosition;
import io.hearken.insight.service.CaseService;
import io.hearken.insight.service.RecoveryService;
import io.hearken.insight.service.Timestamps;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The tenant's follow-up cases: list and read them, assign, annotate and resolve them. The lifecycle is the
 * domain's: a move it forbids is a 409 naming {@code status}, a missing or refused value a 400 naming its field, a
 * case changed by someone else between read and write a 409, and another tenant's case a 404.
 */
@Path("/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
public class CaseResource {

    static final int DEFAULT_RECOVERY_DAYS = 30;
    static final int MAX_RESPONSE_IDS = 100;
    private static final String UNKNOWN_AUTHOR = "unknown";

    static final String CASES = "cases";

    private final CaseService cases;
    private final RecoveryService recoveries;

    public CaseResource(CaseService cases, RecoveryService recoveries) {
        this.cases = cases;
        this.recoveries = recoveries;
    }

    @GET
    @Operation(summary = "The tenant's cases, newest first", description = "Filtered by status (OPEN, ASSIGNED, "
            + "RESOLVED), assignee, priority, overdue=true and the responses that raised them (up to 100 `responseId` "
            + "parameters: a customer's cases, from the responses on their profile's timeline). Keyset pages: limit "
            + "1–500 (default 50), pass the previous page's 'next' as 'after'; cases opened meanwhile never shift a "
            + "page.")
    public Uni<Page<CaseViews.CaseView>> list(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                        @QueryParam("status") String status,
                                        @QueryParam("assignee") String assignee,
                                        @QueryParam("overdue") String overdue,
                                        @QueryParam("priority") String priority,
                                        @QueryParam("responseId") List<String> responseIds,
                                        @QueryParam("after") String after,
                                        @QueryParam("limit") String limit) {
        int size = Page.limit(limit, Page.MAX_LIMIT);
        CaseQuery query = new CaseQuery(tenant, CaseViews.parse(CaseStatus.class, "status", status),
                assignee == null || assignee.isBlank() ? null : assignee, flag("overdue", overdue),
                CaseViews.parse(Priority.class, "priority", priority), responseIds(responseIds),
                position(CASES, after), size + 1);
        Instant now = Timestamps.now();
        return cases.list(query).map(found -> Page.of(found, size, stored -> CaseViews.of(stored, false, now),
                last -> PageCursor.of(CASES, last.followUpCase().openedAt(), last.followUpCase().id())));
    }

    @GET
    @Path("/recovery")
    @Operation(summary = "Recovery after resolved cases", description = "Of the cases resolved from `from` to `to` "
            + "(dates, UTC, both included; default the last 30 days), how many customers answered again on the scale "
            + "that raised the case (measured) and how many of them recovered, in all and by outcome.")
    public Uni<CaseViews.RecoverySummary> recovery(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                                   @QueryParam("from") String from, @QueryParam("to") String to) {
        DateRange range = range(from, to);
        return recoveries.summary(tenant, range.from().atStartOfDay(ZoneOffset.UTC).toInstant(),
                        range.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                .map(counts -> CaseViews.of(range, counts));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One case", description = "With its notes, escalations and the alert's reason and evidence. "
            + "404 for a case the tenant does not have.")
    public Uni<CaseViews.CaseView> get(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                       @PathParam("id") String id) {
        return cases.find(tenant, id).map(stored -> CaseViews.of(stored, true, Timestamps.now()));
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign or reassign a case", description = "409 naming status for a resolved case; 400 "
            + "naming assignee when it is missing.")
    public Uni<CaseViews.CaseView> assign(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                          @PathParam("id") String id, CaseViews.AssignRequest request) {
        String assignee = request == null ? null : request.assignee();
        return change(tenant, id, (followUp, now) -> followUp.assign(assignee));
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a note to a case", description = "In any status; the author is the caller. 400 naming "
            + "text when it is missing or too long.")
    public Uni<CaseViews.CaseView> note(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                        @HeaderParam(CallerHeader.NAME) String caller,
                                        @PathParam("id") String id, CaseViews.NoteRequest request) {
        String text = request == null ? null : request.text();
        String author = subjectOf(caller);
        return change(tenant, id, (followUp, now) -> followUp.addNote(new CaseNote(author, now, text)));
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resolve a case", description = "With an outcome (RECOVERED, NOT_RECOVERED, NO_RESPONSE, "
            + "NOT_ACTIONABLE) and a root cause; resolved by the caller. 400 naming outcome or rootCause; 409 naming "
            + "status for a case resolved already.")
    public Uni<CaseViews.CaseView> resolve(@HeaderParam(TenantHeader.NAME) @NotBlank String tenant,
                                           @HeaderParam(CallerHeader.NAME) String caller,
                                           @PathParam("id") String id, CaseViews.ResolveRequest request) {
        CaseOutcome outcome = CaseViews.outcome(request == null ? null : request.outcome());
        String rootCause = request == null ? null : request.rootCause();
        String resolvedBy = subjectOf(caller);
        return change(tenant, id, (followUp, now) -> followUp.resolve(outcome, rootCause, resolvedBy, now));
    }

    /** Runs a domain command on the case, answering the domain's refusals as problems naming their field. */
    private Uni<CaseViews.CaseView> change(String tenant, String id,
                                           BiFunction<FollowUpCase, Instant, FollowUpCase> command) {
        return cases.change(tenant, id, (followUp, now) -> {
            try {
                return command.apply(followUp, now);
            } catch (CaseTransitionException e) {
                throw new ProblemException(409, "case-transition", "Case transition not allowed", e.getMessage(),
                        List.of(new Problem.FieldError(e.field(), e.violation().reason())), null);
            } catch (DomainRuleException e) {
                throw ProblemException.invalidField(e.field(), e.violation().reason());
            }
        }).map(stored -> CaseViews.of(stored, true, Timestamps.now()));
    }

    /** The subject of a {@code role:subject} caller; "unknown" when the gateway named none. */
    static String subjectOf(String caller) {
        if (caller == null || caller.isBlank()) {
            return UNKNOWN_AUTHOR;
        }
        String subject = caller.substring(caller.indexOf(':') + 1).trim();
        return subject.isEmpty() ? UNKNOWN_AUTHOR : subject;
    }

    /** The distinct response ids asked for; a blank one, or more than {@value #MAX_RESPONSE_IDS}, is a 400. */
    static List<String> responseIds(List<String> values) {
        List<String> ids = values == null ? List.of() : values.stream().distinct().toList();
        if (ids.size() > MAX_RESPONSE_IDS || ids.stream().anyMatch(String::isBlank)) {
            throw ProblemException.invalidField("responseId", "up to " + MAX_RESPONSE_IDS + " response ids, none "
                    + "blank");
        }
        return ids;
    }

    /** Where the previous page of a newest-first list ended, from its {@code next}; null for the first page. */
    static ListPosition position(String list, String after) {
        return PageCursor.read(list, after, 2)
                .map(cursor -> new ListPosition(cursor.instant(0), cursor.text(1)))
                .orElse(null);
    }

    /** The days asked for, UTC; the last 30 days up to today by default; a malformed date is a 400 naming it. */
    static DateRange range(String from, String to) {
        LocalDate end = date("to", to);
        LocalDate start = date("from", from);
        if (end == null) {
            end = start == null ? LocalDate.now(ZoneOffset.UTC) : start.plusDays(DEFAULT_RECOVERY_DAYS - 1);
        }
        if (start == null) {
            start = end.minusDays(DEFAULT_RECOVERY_DAYS - 1);
        }
        try {
            return new DateRange(start, end);
        } catch (InvalidQueryException e) {
            throw ProblemException.invalidField(e.field(), e.getMessage());
        }
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "a date (yyyy-mm-dd), was '" + value + "'");
        }
    }

    private static boolean flag(String field, String value) {
        if (value == null || value.isBlank() || "false".equalsIgnoreCase(value.trim())) {
            return false;
        }
        if ("true".equalsIgnoreCase(value.trim())) {
            return true;
        }
        throw ProblemException.invalidField(field, "true or false, was '" + value + "'");
    }
}
