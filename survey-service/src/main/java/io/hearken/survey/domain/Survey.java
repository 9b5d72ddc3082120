package io.hearken.survey.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A survey owned by one tenant: its name, where it is in its life ({@link SurveyStatus}), the draft being edited
 * (null when nothing is unpublished) and the number of its latest published version (0 before the first).
 * {@code revision} grows with every change, so a projection that sees an older state after a newer one keeps the
 * newer. Published content lives in immutable {@link SurveyVersion}s.
 */
public record Survey(String id, String tenant, String name, SurveyStatus status, long revision,
                     int publishedVersion, SurveyContent draft, Instant createdAt, Instant updatedAt) {

    static final int MAX_NAME_BYTES = 600;

    /** A change of a survey: its new state and, when it was published, the version it froze. */
    public record Change(Survey survey, Optional<SurveyVersion> published) {
    }

    /** A new survey holding the command's content as its draft, published as version 1 if the command says so. */
    public static Change create(CreateSurvey command, Instant now) {
        Instant created = now.truncatedTo(ChronoUnit.MILLIS);
        checkDefinition(command.name(), command.content());
        Survey draft = new Survey(UUID.randomUUID().toString(), command.tenant(), command.name(), SurveyStatus.DRAFT,
                1, 0, command.content(), created, created);
        return command.publish() ? draft.publish(created) : new Change(draft, Optional.empty());
    }

    /** A new draft; the published versions stay as they are and an active survey keeps taking responses. */
    public Change revise(ReviseSurvey command, Instant now) {
        requireNotClosed("revised");
        if (command.expectedRevision() != null && command.expectedRevision() != revision) {
            throw RuleViolation.conflict("Survey '" + id + "' is at revision " + revision + ", not "
                    + command.expectedRevision() + ": someone changed it since you loaded it. Reload and revise again.");
        }
        String newName = command.name() == null ? name : command.name();
        checkDefinition(newName, command.content());
        return changed(newName, status, publishedVersion, command.content(), now, Optional.empty());
    }

    /** Freezes the draft as the next version; a draft survey becomes active, a paused one stays paused. */
    public Change publish(Instant now) {
        requireNotClosed("published");
        if (draft == null) {
            throw RuleViolation.conflict("Survey '" + id + "' has no draft to publish: revise it first.");
        }
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        SurveyVersion version = new SurveyVersion(id, tenant, publishedVersion + 1, draft, at);
        SurveyStatus next = status == SurveyStatus.DRAFT ? SurveyStatus.ACTIVE : status;
        return changed(name, next, version.version(), null, at, Optional.of(version));
    }

    public Change pause(Instant now) {
        if (status != SurveyStatus.ACTIVE) {
            throw RuleViolation.conflict("Survey '" + id + "' is " + status + "; only an ACTIVE survey can be paused.");
        }
        return changed(name, SurveyStatus.PAUSED, publishedVersion, draft, now, Optional.empty());
    }

    public Change resume(Instant now) {
        if (status != SurveyStatus.PAUSED) {
            throw RuleViolation.conflict("Survey '" + id + "' is " + status + "; only a PAUSED survey can be resumed.");
        }
        return changed(name, SurveyStatus.ACTIVE, publishedVersion, draft, now, Optional.empty());
    }

    /** Closes the survey for good: it takes no responses and no changes any more. */
    public Change close(Instant now) {
        requireNotClosed("closed again");
        return changed(name, SurveyStatus.CLOSED, publishedVersion, draft, now, Optional.empty());
    }

    public boolean takesResponses() {
        return status == SurveyStatus.ACTIVE;
    }

    /**
     * The published version a submission answers: the one it names (a respondent may still be on the page of an
     * earlier version) or the latest. Throws a conflict when the survey takes no responses, and a violation of
     * {@code surveyVersion} when no such version was published.
     */
    public int versionAnswered(Integer requested) {
        switch (status) {
            case DRAFT -> throw RuleViolation.conflict("Survey '" + id + "' is not published yet.");
            case PAUSED -> throw RuleViolation.conflict("Survey '" + id + "' is paused and takes no responses "
                    + "for now.");
            case CLOSED -> throw RuleViolation.conflict("Survey '" + id + "' is closed and takes no responses.");
            default -> {
            }
        }
        if (requested == null) {
            return publishedVersion;
        }
        if (requested < 1 || requested > publishedVersion) {
            throw RuleViolation.invalid(List.of(new FieldViolation("surveyVersion",
                    "must be a published version of this survey, from 1 to " + publishedVersion)));
        }
        return requested;
    }

    /**
     * The response a submission makes to {@code version} (from {@link #versionAnswered}), or a
     * {@link RuleViolation} naming every field at fault.
     */
    public Response respond(SurveyVersion version, SubmitResponse submission, Instant receivedAt) {
        versionAnswered(version.version());
        return version.respond(submission, responseIdFor(submission.idempotencyKey()), receivedAt);
    }

    /**
     * The same idempotency key for the same survey always yields the same response id, so a retried submission
     * becomes the same event and is kept once; without a key every submission is new.
     */
    public String responseIdFor(Optional<IdempotencyKey> key) {
        return key.map(value -> UUID.nameUUIDFromBytes((tenant + "/" + id + "/" + value.value())
                        .getBytes(StandardCharsets.UTF_8)).toString())
                .orElseGet(() -> UUID.randomUUID().toString());
    }

    private static void checkDefinition(String name, SurveyContent content) {
        Problems problems = new Problems();
        if (name == null || name.isBlank()) {
            problems.add("name", "must not be blank");
        } else if (Problems.utf8Length(name) > MAX_NAME_BYTES) {
            problems.add("name", "must be at most " + MAX_NAME_BYTES + " bytes in UTF-8");
        }
        if (content == null) {
            problems.add("pages", "a survey needs its content (title, pages)");
        } else {
            content.problems().forEach(violation -> problems.add(violation.field(), violation.message()));
        }
        problems.throwIfAny();
    }

    private void requireNotClosed(String what) {
        if (status == SurveyStatus.CLOSED) {
            throw RuleViolation.conflict("Survey '" + id + "' is closed and cannot be " + what + ".");
        }
    }

    private Change changed(String newName, SurveyStatus newStatus, int newPublishedVersion, SurveyContent newDraft,
                           Instant now, Optional<SurveyVersion> published) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        return new Change(new Survey(id, tenant, newName, newStatus, revision + 1, newPublishedVersion, newDraft,
                createdAt, at.isBefore(updatedAt) ? updatedAt : at), published);
    }
}
