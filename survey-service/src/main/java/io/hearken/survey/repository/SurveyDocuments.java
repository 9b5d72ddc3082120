package io.hearken.survey.repository;

import io.hearken.survey.domain.Answer;
import io.hearken.survey.domain.Channel;
import io.hearken.survey.domain.Question;
import io.hearken.survey.domain.QuestionType;
import io.hearken.survey.domain.Respondent;
import io.hearken.survey.domain.Response;
import io.hearken.survey.domain.Survey;
import io.hearken.survey.domain.SurveyStatus;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
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
    static final String SUBMITTED_AT = "submittedAt";

    private SurveyDocuments() {
    }

    /** Matches the stored survey only if it is older, so an upsert never replaces a newer version. */
    static Bson olderVersionOf(Survey survey) {
        return Filters.and(Filters.eq(ID, survey.id()), Filters.lt(VERSION, survey.version()));
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
        List<Document> questions = survey.questions().stream()
                .map(question -> new Document("id", question.id())
                        .append("type", question.type().name())
                        .append("required", question.required())
                        .append("text", new Document(new LinkedHashMap<>(question.text()))))
                .toList();
        return new Document(ID, survey.id())
                .append(TENANT, survey.tenant())
                .append("name", survey.name())
                .append("title", new Document(new LinkedHashMap<>(survey.title())))
                .append("defaultLanguage", survey.defaultLanguage())
                .append("questions", questions)
                .append("status", survey.status().name())
                .append(VERSION, survey.version())
                .append("createdAt", Date.from(survey.createdAt()))
                .append("updatedAt", Date.from(survey.updatedAt()));
    }

    static Survey toSurvey(Document document) {
        List<Question> questions = document.getList("questions", Document.class).stream()
                .map(question -> new Question(
                        question.getString("id"),
                        QuestionType.valueOf(question.getString("type")),
                        question.getBoolean("required", false),
                        texts(question.get("text", Document.class))))
                .toList();
        return new Survey(
                document.getString(ID),
                document.getString(TENANT),
                document.getString("name"),
                texts(document.get("title", Document.class)),
                document.getString("defaultLanguage"),
                questions,
                SurveyStatus.valueOf(document.getString("status")),
                document.get(VERSION, Number.class).longValue(),
                document.getDate("createdAt").toInstant(),
                document.getDate("updatedAt").toInstant());
    }

    static Document toDocument(Response response) {
        List<Document> answers = response.answers().stream()
                .map(answer -> {
                    Document document = new Document("questionId", answer.questionId())
                            .append("type", answer.type().name());
                    if (answer.score() != null) {
                        document.append("score", answer.score());
                    }
                    if (answer.text() != null) {
                        document.append("text", answer.text());
                    }
                    return document;
                })
                .toList();
        Document respondent = new Document();
        if (response.respondent() != null) {
            putIfPresent(respondent, "email", response.respondent().email());
            putIfPresent(respondent, "phone", response.respondent().phone());
            putIfPresent(respondent, "customerId", response.respondent().customerId());
        }
        return new Document(ID, response.id())
                .append(TENANT, response.tenant())
                .append(SURVEY_ID, response.surveyId())
                .append("channel", response.channel().wireName())
                .append("language", response.language())
                .append("respondent", respondent)
                .append("answers", answers)
                .append(SUBMITTED_AT, Date.from(response.submittedAt()));
    }

    static Response toResponse(Document document) {
        Document respondent = document.get("respondent", Document.class);
        List<Answer> answers = document.getList("answers", Document.class).stream()
                .map(answer -> new Answer(answer.getString("questionId"),
                        QuestionType.valueOf(answer.getString("type")), answer.getInteger("score"),
                        answer.getString("text")))
                .toList();
        Instant submittedAt = document.getDate(SUBMITTED_AT).toInstant();
        return new Response(document.getString(ID), document.getString(SURVEY_ID), document.getString(TENANT),
                Channel.fromWireName(document.getString("channel")).orElseThrow(), document.getString("language"),
                respondent == null || respondent.isEmpty() ? null : new Respondent(respondent.getString("email"),
                        respondent.getString("phone"), respondent.getString("customerId")),
                answers, submittedAt);
    }

    private static Map<String, String> texts(Document document) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (document != null) {
            document.forEach((language, text) -> texts.put(language, String.valueOf(text)));
        }
        return texts;
    }

    private static void putIfPresent(Document document, String key, String value) {
        if (value != null) {
            document.append(key, value);
        }
    }
}
