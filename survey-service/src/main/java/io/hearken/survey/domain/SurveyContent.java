package io.hearken.survey.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a respondent is asked: the texts in every offered language, the pages of questions with their logic, and
 * the closing texts. A draft holds one; publishing freezes one into a {@link SurveyVersion}.
 *
 * <p>This record family (with {@link Page}, {@link Question}, {@link QuestionSettings}, {@link Condition},
 * {@link Ending}) is also the JSON form of a definition, the same in the API, the export and the survey events:
 * one shape, so an exported survey imports as it is. Changing it is changing that contract (docs/events.md).
 */
public record SurveyContent(Map<String, String> title, List<String> languages, String defaultLanguage,
                            String touchpoint, String journeyStage, List<Page> pages, List<Ending> endings,
                            SurveySettings settings) {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    static final Pattern TOUCHPOINT = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}");
    static final Pattern PIPED = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_-]{1,64})\\s*}}");
    static final int MAX_PAGES = 50;
    static final int MAX_QUESTIONS = 200;
    static final int MAX_ENDINGS = 20;
    static final String DEFAULT_LANGUAGE = "en";

    /** Content whose questions all sit on one page, as the simplest surveys are written. */
    public static SurveyContent onePage(Map<String, String> title, String defaultLanguage, List<Question> questions) {
        String language = defaultLanguage == null ? DEFAULT_LANGUAGE : defaultLanguage;
        return new SurveyContent(title, null, language, null, null,
                List.of(new Page("main", null, null, null, questions)), null, null);
    }

    /** The default language, English unless the designer chose another. */
    public String language() {
        return defaultLanguage == null ? DEFAULT_LANGUAGE : defaultLanguage;
    }

    /** The languages a respondent may answer in: those listed, or the default language alone. */
    public List<String> offeredLanguages() {
        if (languages == null || languages.isEmpty()) {
            return List.of(language());
        }
        return languages;
    }

    /** Every question, page by page, in the order they are asked. */
    public List<Question> questions() {
        return pages == null ? List.of() : pages.stream()
                .filter(page -> page != null && page.questions() != null)
                .flatMap(page -> page.questions().stream())
                .toList();
    }

    public Optional<Question> question(String questionId) {
        return questions().stream().filter(question -> question.id().equals(questionId)).findFirst();
    }

    /** The closing text for a response's answers: the first ending whose condition holds. */
    public Optional<Ending> endingFor(List<Answer> answers) {
        if (endings == null) {
            return Optional.empty();
        }
        Map<String, Answer> byQuestion = byQuestion(answers);
        return endings.stream().filter(ending -> ending.when() == null || ending.when().holds(byQuestion)).findFirst();
    }

    /** The settings, or none. */
    public SurveySettings settingsOrNone() {
        return settings == null ? new SurveySettings(null, null, null) : settings;
    }

    /** The closing text of the ending {@code endingId} in {@code language} (or the default). */
    public Optional<Closing> closing(String endingId, String language) {
        return endings == null ? Optional.empty() : endings.stream()
                .filter(ending -> ending.id().equals(endingId)).findFirst()
                .map(ending -> new Closing(ending.id(), Translations.in(ending.text(), language, language())));
    }

    /** The closing text for a response's answers in {@code language} (or the default), if an ending matches. */
    public Optional<Closing> closingFor(List<Answer> answers, String language) {
        return endingFor(answers).map(ending -> new Closing(ending.id(),
                Translations.in(ending.text(), language, language())));
    }

    /** The ending chosen for a response, with its text in the respondent's language. */
    public record Closing(String endingId, String text) {
    }

    /** Every rule the content breaks, named by field; empty when it can be published. */
    List<FieldViolation> problems() {
        Problems problems = new Problems();
        List<String> offered = offeredLanguages();
        if (!LANGUAGE_TAG.matcher(language()).matches()) {
            problems.add("defaultLanguage", "must be a language tag such as en, ja, zh-TW or zh-CN");
        }
        for (int index = 0; index < offered.size(); index++) {
            String tag = offered.get(index);
            if (tag == null || !LANGUAGE_TAG.matcher(tag).matches()) {
                problems.add("languages[" + index + "]", "must be a language tag such as en, ja, zh-TW or zh-CN");
            }
        }
        if (!offered.contains(language())) {
            problems.add("languages", "must include the default language '" + language() + "'");
        }
        if (new HashSet<>(offered).size() != offered.size()) {
            problems.add("languages", "must not list a language twice");
        }
        Translations.check(title, "title", offered, language(), problems);
        if (touchpoint != null && !TOUCHPOINT.matcher(touchpoint).matches()) {
            problems.add("touchpoint", "must be 1 to 64 lower-case letters, digits or '-' (checkout, support-call)");
        }
        if (journeyStage != null && JourneyStage.fromWireName(journeyStage).isEmpty()) {
            problems.add("journeyStage", "must be one of " + List.of(JourneyStage.values()).stream()
                    .map(JourneyStage::wireName).toList());
        }
        checkPages(offered, problems);
        checkEndings(offered, problems);
        if (settings != null) {
            Map<String, Question> every = new HashMap<>();
            questions().stream().filter(question -> question.id() != null)
                    .forEach(question -> every.putIfAbsent(question.id(), question));
            Set<String> endingIds = new HashSet<>();
            if (endings != null) {
                endings.stream().filter(ending -> ending != null && ending.id() != null)
                        .forEach(ending -> endingIds.add(ending.id()));
            }
            settings.check(every, endingIds, problems);
        }
        return problems.list();
    }

    private void checkPages(List<String> offered, Problems problems) {
        if (pages == null || pages.isEmpty() || pages.size() > MAX_PAGES) {
            problems.add("pages", "must have 1 to " + MAX_PAGES + " pages");
            return;
        }
        Map<String, Question> askedBefore = new LinkedHashMap<>();
        Set<String> pageIds = new HashSet<>();
        int questionCount = 0;
        for (int pageIndex = 0; pageIndex < pages.size(); pageIndex++) {
            Page page = pages.get(pageIndex);
            String pageField = "pages[" + pageIndex + "]";
            if (page == null) {
                problems.add(pageField, "must not be null");
                continue;
            }
            if (page.id() == null || !ID.matcher(page.id()).matches()) {
                problems.add(pageField + ".id", "must be 1 to 64 letters, digits, '_' or '-'");
            } else if (!pageIds.add(page.id())) {
                problems.add(pageField + ".id", "duplicates the id of an earlier page");
            }
            if (page.title() != null) {
                Translations.check(page.title(), pageField + ".title", offered, language(), problems);
            }
            if (page.showIf() != null) {
                page.showIf().check(pageField + ".showIf", Map.copyOf(askedBefore), problems);
            }
            if (page.questions() == null || page.questions().isEmpty()) {
                problems.add(pageField + ".questions", "must have at least one question");
                continue;
            }
            questionCount += page.questions().size();
            for (int index = 0; index < page.questions().size(); index++) {
                String field = pageField + ".questions[" + index + "]";
                Question question = page.questions().get(index);
                if (question == null) {
                    problems.add(field, "must not be null");
                    continue;
                }
                checkQuestion(question, field, offered, askedBefore, problems);
                if (question.id() != null) {
                    askedBefore.putIfAbsent(question.id(), question);
                }
            }
        }
        if (questionCount > MAX_QUESTIONS) {
            problems.add("pages", "must have at most " + MAX_QUESTIONS + " questions in all, has " + questionCount);
        }
    }

    private void checkQuestion(Question question, String field, List<String> offered,
                               Map<String, Question> askedBefore, Problems problems) {
        if (question.id() == null || !ID.matcher(question.id()).matches()) {
            problems.add(field + ".id", "must be 1 to 64 letters, digits, '_' or '-'");
        } else if (askedBefore.containsKey(question.id())) {
            problems.add(field + ".id", "duplicates the id '" + question.id() + "' of an earlier question");
        }
        if (question.type() == null) {
            problems.add(field + ".type", "must be one of " + QuestionType.allNames());
            return;
        }
        if (question.type() != QuestionType.HIDDEN) {
            Translations.check(question.text(), field + ".text", offered, language(), problems);
            checkPiping(question.text(), field + ".text", askedBefore, problems);
        } else if (question.required()) {
            problems.add(field + ".required", "a hidden field is filled by the link or invitation, never required");
        }
        if (question.showIf() != null) {
            question.showIf().check(field + ".showIf", Map.copyOf(askedBefore), problems);
        }
        AnswerRule rule = question.rule();
        for (String setting : question.settingsSet()) {
            if (!rule.settingsUsed().contains(setting)) {
                problems.add(field + ".settings." + setting, "is not a setting of a " + question.type()
                        + " question (it takes " + rule.settingsUsed() + ")");
            }
        }
        rule.checkDefinition(field, offered, language(), problems);
    }

    /** Piped references must name a question asked earlier, whose answer exists when the text is shown. */
    private static void checkPiping(Map<String, String> text, String field, Map<String, Question> askedBefore,
                                    Problems problems) {
        if (text == null) {
            return;
        }
        text.forEach((language, wording) -> {
            if (wording == null) {
                return;
            }
            Matcher piped = PIPED.matcher(wording);
            while (piped.find()) {
                if (!askedBefore.containsKey(piped.group(1))) {
                    problems.add(field + "." + language, "pipes {{" + piped.group(1)
                            + "}}, which is not a question asked before this one");
                }
            }
        });
    }

    private void checkEndings(List<String> offered, Problems problems) {
        if (endings == null) {
            return;
        }
        if (endings.size() > MAX_ENDINGS) {
            problems.add("endings", "must have at most " + MAX_ENDINGS + " endings");
            return;
        }
        Map<String, Question> every = new HashMap<>();
        questions().stream().filter(question -> question.id() != null).forEach(q -> every.putIfAbsent(q.id(), q));
        Set<String> ids = new HashSet<>();
        for (int index = 0; index < endings.size(); index++) {
            Ending ending = endings.get(index);
            String field = "endings[" + index + "]";
            if (ending == null) {
                problems.add(field, "must not be null");
                continue;
            }
            if (ending.id() == null || !ID.matcher(ending.id()).matches() || !ids.add(ending.id())) {
                problems.add(field + ".id", "must be a unique id of 1 to 64 letters, digits, '_' or '-'");
            }
            if (ending.when() != null) {
                ending.when().check(field + ".when", every, problems);
            }
            Translations.check(ending.text(), field + ".text", offered, language(), problems);
            checkPiping(ending.text(), field + ".text", every, problems);
        }
    }

    static Map<String, Answer> byQuestion(List<Answer> answers) {
        Map<String, Answer> byQuestion = new HashMap<>();
        answers.forEach(answer -> byQuestion.put(answer.questionId(), answer));
        return byQuestion;
    }
}
