package io.hearken.survey.domain;

import java.util.Map;

/**
 * What an invitation says around the survey's own title, in the invited customer's language (English when the
 * language has no wording here). Kept short: an SMS is 160 characters in Latin script, 70 in Japanese or Chinese.
 */
public final class InvitationWording {

    private static final Map<String, String> EMAIL_BODY = Map.of(
            "en", "We would value your opinion. It takes a minute: %s\n\nThis link is yours alone and expires on %s.",
            "ja", "ご意見をお聞かせください。1分ほどで終わります: %s\n\nこのリンクはお客様専用で、%s に期限が切れます。",
            "zh-TW", "我們很重視您的意見，只需一分鐘: %s\n\n此連結僅供您使用，將於 %s 到期。",
            "zh-CN", "我们很重视您的意见，只需一分钟: %s\n\n此链接仅供您使用，将于 %s 到期。");
    private static final Map<String, String> SMS_BODY = Map.of(
            "en", "%s: %s",
            "ja", "%s: %s",
            "zh-TW", "%s: %s",
            "zh-CN", "%s: %s");
    private static final Map<String, String> SMS_SCORE = Map.of(
            "en", "%s Reply with %d-%d, or answer online: %s",
            "ja", "%s %d〜%dの数字で返信するか、こちらからお答えください: %s",
            "zh-TW", "%s 請回覆 %d-%d，或在線上作答: %s",
            "zh-CN", "%s 请回复 %d-%d，或在线作答: %s");

    private InvitationWording() {
    }

    /** The email's subject is the survey's title; this is its body. */
    public static String emailBody(String locale, String link, String expiresOn) {
        return EMAIL_BODY.getOrDefault(locale, EMAIL_BODY.get("en")).formatted(link, expiresOn);
    }

    /**
     * An SMS: when the survey opens with a score question, the question itself, answerable by replying with a
     * number ({@link SmsReply}); otherwise the title and the link.
     */
    public static String smsBody(String locale, SurveyContent content, String link) {
        Question first = content.questions().stream().filter(question -> question.type() != QuestionType.HIDDEN)
                .findFirst().orElse(null);
        Question.Scale scale = first == null ? null : first.scale().orElse(null);
        if (scale != null) {
            return SMS_SCORE.getOrDefault(locale, SMS_SCORE.get("en")).formatted(
                    Translations.in(first.text(), locale, content.language()), scale.min(), scale.max(), link);
        }
        return SMS_BODY.getOrDefault(locale, SMS_BODY.get("en")).formatted(
                Translations.in(content.title(), locale, content.language()), link);
    }
}
