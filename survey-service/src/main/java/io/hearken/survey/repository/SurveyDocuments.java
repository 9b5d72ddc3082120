package io.hearken.survey.repository;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import io.hearken.survey.domain.Answer;
import io.hearken.survey.domain.Channel;
import io.hearken.survey.domain.Respondent;
import io.hearken.survey.domain.Response;
import io.hearken.survey.domain.Survey;
import io.hearken.survey.domain.SurveyContent;
import io.hearken.survey.domain.SurveyStatus;
import io.hearken.survey.domain.SurveyVersion;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps survey-service's types to MongoDB documents by hand, using only plain fields and nested documents, so the
 * same documents work on a real MongoDB and on the embedded mongo-java-server.
 */
final class SurveyDocuments {

    static final String ID = "_id";
    static final String TENANT = "tenant";
    static final String SURVEY_ID = "surveyId";
    static final String VERSION = "version";
    static final String REVISION = "revision";
    static final String NAME = "name";
    static final String NAME_FOLDED = "nameFolded";
    static final String STATUS = "status";
    static final String CREATED_AT = "createdAt";
    static final String SUBMITTED_AT = "submittedAt";
    static final String COMPLETED = "completed";

    /**
     * Converts definitions and answers to plain maps and back. Dates become yyyy-mm-dd text and absent fields are
     * left out, so documents hold only strings, numbers, booleans, lists and nested documents: what both a real
     * MongoDB and the embedded server store alike.
     */
    private static final ObjectMapper DEFINITIONS = JsonMapper.builder()
            .findAndAddModules()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private SurveyDocuments() {
    }

    /** Matches the stored survey only if it is an older revision, so an upsert never replaces a newer state. */
    static Bson olderRevisionOf(Survey survey) {
        return Filters.and(Filters.eq(ID, survey.id()), Filters.lt(REVISION, survey.revision()));
    }

    /**
     * A duplicate key means "already there": the response id was inserted before, or a survey version at least as
     * new is stored (the version-guarded upsert then tries to insert an existing _id).
     */
    static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }

    static Document toDocument(Survey survey) {
        Document document = new Document(ID, survey.id())
                .append(TENANT, survey.tenant())
                .append(NAME, survey.name())
                .append(NAME_FOLDED, survey.name().toLowerCase(Locale.ROOT))
                .append(STATUS, survey.status().name())
                .append(REVISION, survey.revision())
                .append("publishedVersion", survey.publishedVersion())
                .append(CREATED_AT, Date.from(survey.createdAt()))
                .append("updatedAt", Date.from(survey.updatedAt()));
        if (survey.draft() != null) {
            document.append("draft", toDocument(survey.draft()));
        }
        return document;
    }

    static Survey toSurvey(Document document) {
        Document draft = document.get("draft", Document.class);
        return new Survey(
                document.getString(ID),
                document.getString(TENANT),
                document.getString(NAME),
                SurveyStatus.valueOf(document.getString(STATUS)),
                document.get(REVISION, Number.class).longValue(),
                document.get("publishedVersion", Number.class).intValue(),
                draft == null ? null : DEFINITIONS.convertValue(draft, SurveyContent.class),
                document.getDate(CREATED_AT).toInstant(),
                document.getDate("updatedAt").toInstant());
    }

    static String versionId(String surveyId, int version) {
        return surveyId + "/v" + version;
    }

    static Document toDocument(SurveyVersion version) {
        return new Document(ID, versionId(version.surveyId(), version.version()))
                .append(SURVEY_ID, version.surveyId())
                .append(TENANT, version.tenant())
                .append(VERSION, version.version())
                .append("content", toDocument(version.content()))
                .append("publishedAt", Date.from(version.publishedAt()));
    }

    static SurveyVersion toVersion(Document document) {
        return new SurveyVersion(document.getString(SURVEY_ID), document.getString(TENANT),
                document.get(VERSION, Number.class).intValue(),
                DEFINITIONS.convertValue(document.get("content", Document.class), SurveyContent.class),
                document.getDate("publishedAt").toInstant());
    }

    /** A definition's JSON form as a nested document: the same shape the API and the events use. */
    private static Document toDocument(SurveyContent content) {
        return new Document(DEFINITIONS.convertValue(content, MAP));
    }

    static Document toDocument(Response response) {
        List<Document> answers = response.answers().stream()
                .map(answer -> new Document(DEFINITIONS.convertValue(answer, MAP)))
                .toList();
        Document respondent = new Document();
        if (response.respondent() != null) {
            putIfPresent(respondent, "email", response.respondent().email());
            putIfPresent(respondent, "phone", response.respondent().phone());
            putIfPresent(respondent, "customerId", response.respondent().customerId());
            respondent.append("verified", response.respondent().verified());
        }
        Document document = new Document(ID, response.id())
                .append(TENANT, response.tenant())
                .append(SURVEY_ID, response.surveyId())
                .append(VERSION, response.surveyVersion())
                .append("channel", response.channel().wireName())
                .append("language", response.language())
                .append("touchpoint", response.touchpoint())
                .append("journeyStage", response.journeyStage())
                .append("context", response.context() == null ? null : new Document(new LinkedHashMap<>(
                        response.context())))
                .append("invitationId", response.invitationId())
                .append(COMPLETED, response.completed())
                .append("respondent", respondent)
                .append("answers", answers)
                .append(SUBMITTED_AT, Date.from(response.submittedAt()));
        if (response.anonymisation() != null) {
            document.append(ErasureDocuments.MARK, ErasureDocuments.toDocument(response.anonymisation()));
        }
        return document;
    }

    static Response toResponse(Document document) {
        Document respondent = document.get("respondent", Document.class);
        List<Answer> answers = document.getList("answers", Document.class).stream()
                .map(answer -> DEFINITIONS.convertValue(answer, Answer.class))
                .toList();
        Instant submittedAt = document.getDate(SUBMITTED_AT).toInstant();
        return new Response(document.getString(ID), document.getString(SURVEY_ID),
                document.get(VERSION, Number.class).intValue(), document.getString(TENANT),
                Channel.fromWireName(document.getString("channel")).orElseThrow(), document.getString("language"),
                document.getString("touchpoint"), document.getString("journeyStage"),
                respondent == null || respondent.isEmpty() ? null : new Respondent(respondent.getString("email"),
                        respondent.getString("phone"), respondent.getString("customerId"),
                        respondent.getBoolean("verified", false)),
                answers, context(document.get("context", Document.class)), document.getString("invitationId"),
                document.getBoolean(COMPLETED, true), submittedAt, ErasureDocuments.anonymisation(document));
    }

    private static Map<String, String> context(Document document) {
        if (document == null) {
            return null;
        }
        Map<String, String> context = new LinkedHashMap<>();
        document.forEach((key, value) -> context.put(key, String.valueOf(value)));
        return context;
    }

    private static void putIfPresent(Document document, String key, String value) {
        if (value != null) {
            document.append(key, value);
        }
    }
}
