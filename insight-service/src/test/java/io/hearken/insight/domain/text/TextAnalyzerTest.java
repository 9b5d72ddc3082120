package io.hearken.insight.domain.text;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextAnalyzerTest {

    // Loading the dictionaries and lexicons takes about a second: one analyser for the class, as in the service.
    private static TextAnalyzer analyzer;

    @BeforeAll
    static void load() {
        analyzer = new TextAnalyzer();
    }

    @Test
    void detectsEachLanguageFromItsCharacters() {
        assertEquals(Language.ENGLISH, analyzer.analyze("The delivery was late again.", null).language());
        assertEquals(Language.JAPANESE, analyzer.analyze("配達が遅かったです。", null).language());
        assertEquals(Language.CHINESE_SIMPLIFIED, analyzer.analyze("这个快递太慢了，客服也没有回复。", null).language());
        assertEquals(Language.CHINESE_TRADITIONAL, analyzer.analyze("這個快遞太慢了，客服也沒有回覆。", null).language());
        assertEquals(Language.UNDETERMINED, analyzer.analyze("배송이 너무 느려요", null).language());
    }

    @Test
    void tellsTraditionalFromSimplifiedByTheCharactersThatDiffer() {
        assertEquals(Language.CHINESE_SIMPLIFIED, analyzer.analyze("价格太贵了", "zh-TW").language());
        assertEquals(Language.CHINESE_TRADITIONAL, analyzer.analyze("價格太貴了", "zh-CN").language());
        assertEquals(Language.CHINESE_TRADITIONAL, analyzer.analyze("門市的服務員說沒貨", null).language());
    }

    @Test
    void theHintDecidesOnlyWhatTheCharactersLeaveOpen() {
        // 完美 and 需要 are written alike in both scripts.
        assertEquals(Language.CHINESE_SIMPLIFIED, analyzer.analyze("完美，正是我需要的。", null).language());
        assertEquals(Language.CHINESE_TRADITIONAL, analyzer.analyze("完美，正是我需要的。", "zh-Hant").language());
        assertEquals(Language.CHINESE_TRADITIONAL, analyzer.analyze("完美，正是我需要的。", "zh-HK").language());
        assertEquals(Language.JAPANESE, analyzer.analyze("品質最高", "ja").language());
        assertEquals(Language.ENGLISH, analyzer.analyze("Great!", null).language());
        assertEquals(Language.UNDETERMINED, analyzer.analyze("Livraison rapide, merci", "fr-FR").language());
        assertEquals(Language.ENGLISH, analyzer.analyze("Fast delivery, thanks", "en-GB").language());
    }

    @Test
    void negationFlipsTheSentimentWordItGoverns() {
        assertEquals(SentimentLabel.POSITIVE, analyzer.analyze("The food was good.", "en").label());
        assertEquals(SentimentLabel.NEGATIVE, analyzer.analyze("The food was not good.", "en").label());
        assertEquals(SentimentLabel.POSITIVE, analyzer.analyze("Not bad at all.", "en").label());
        assertEquals(SentimentLabel.POSITIVE, analyzer.analyze("品質が良いです。", "ja").label());
        assertEquals(SentimentLabel.NEGATIVE, analyzer.analyze("品質が良くないです。", "ja").label());
        assertEquals(SentimentLabel.NEGATIVE, analyzer.analyze("サービスに満足していません。", "ja").label());
        assertEquals(SentimentLabel.POSITIVE, analyzer.analyze("我很满意", "zh").label());
        assertEquals(SentimentLabel.NEGATIVE, analyzer.analyze("我不满意", "zh").label());
        assertEquals(SentimentLabel.NEGATIVE, analyzer.analyze("质量不好", "zh").label());
        assertEquals(SentimentLabel.NEGATIVE, analyzer.analyze("服務不好", "zh-TW").label());
    }

    @Test
    void japaneseNegationOfAnotherWordLeavesTheSentimentAlone() {
        // できない negates ログイン, not 重い: the app is slow and cannot log in, both bad.
        assertEquals(SentimentLabel.NEGATIVE, analyzer.analyze("アプリが重くてログインできない。", "ja").label());
    }

    @Test
    void degreeWordsScaleTheNextSentimentWord() {
        assertStronger("very helpful", "helpful", "en");
        assertStronger("slightly helpful", "helpful", "en", true);
        assertStronger("とても親切", "親切", "ja");
        assertStronger("少し遅い", "遅い", "ja", true);
        assertStronger("非常满意", "满意", "zh");
        assertStronger("有点慢", "慢", "zh", true);
    }

    @Test
    void theClauseAfterButOutweighsTheOneBefore() {
        assertEquals(SentimentLabel.NEGATIVE,
                analyzer.analyze("The packaging was nice, but the delivery was slow.", "en").label());
        assertEquals(SentimentLabel.POSITIVE,
                analyzer.analyze("The delivery was slow, but the product is great.", "en").label());
        assertEquals(SentimentLabel.NEGATIVE, analyzer.analyze("梱包はきれいだったけど、配送が遅かった。", "ja").label());
        assertEquals(SentimentLabel.POSITIVE, analyzer.analyze("配送は遅かったけど、商品は素晴らしい。", "ja").label());
        assertEquals(SentimentLabel.NEGATIVE, analyzer.analyze("包装还可以，但是物流太慢了。", "zh").label());
        assertEquals(SentimentLabel.POSITIVE, analyzer.analyze("虽然快递慢，但是东西很好。", "zh").label());
    }

    @Test
    void evidenceQuotesTheDrivingPhraseWithItsNegatorAndDegreeWord() {
        assertEvidence("The agent was not very helpful.", "en", "not very helpful");
        assertEvidence("配送がとても遅かった。", "ja", "とても遅かっ");
        assertEvidence("品質が良くない。", "ja", "良くない");
        assertEvidence("我对售后非常满意", "zh", "非常满意");
        assertEvidence("客服態度很差", "zh-TW", "很差");
        TextAnalysis analysis = analyzer.analyze("The agent was not very helpful.", "en");
        assertTrue(analysis.sentimentEvidence().get(0).contribution() < 0);
    }

    @Test
    void findsTopicsInEachLanguage() {
        assertTopic("The courier delivered it to the wrong address.", "en", "delivery", "delivered");
        assertTopic("I want a refund for the second charge.", "en", "billing", "refund");
        assertTopic("配達が遅い", "ja", "delivery", "配達");
        assertTopic("アプリがすぐ落ちる", "ja", "app", "アプリ");
        assertTopic("客服态度很差", "zh", "support", "客服");
        assertTopic("什么时候退款", "zh", "billing", "退款");
        assertTopic("申請退款三次了", "zh-TW", "billing", "退款");
        assertTopic("I want to cancel my subscription.", "en", "cancellation", "cancel");
    }

    @Test
    void keywordsNameWhatNoTopicKnows() {
        TextAnalysis analysis = analyzer.analyze("The hinge of the laptop lid squeaks, the hinge is loose.", "en");
        assertEquals("hinge", analysis.keywords().get(0));
        assertTrue(analysis.keywords().contains("laptop"));
        assertFalse(analysis.keywords().contains("the"));
        assertTrue(analyzer.analyze("ヒンジの音がうるさい", "ja").keywords().contains("ヒンジ"));
        assertTrue(analyzer.analyze("笔记本的铰链松了", "zh").keywords().contains("铰链"));
    }

    @Test
    void factualTextsAndQuestionsAreNeutral() {
        assertEquals(SentimentLabel.NEUTRAL, analyzer.analyze("When will my order be shipped?", "en").label());
        assertEquals(SentimentLabel.NEUTRAL, analyzer.analyze("注文した商品はいつ発送されますか。", "ja").label());
        assertEquals(SentimentLabel.NEUTRAL, analyzer.analyze("我的订单什么时候发货？", "zh").label());
    }

    @Test
    void emptyBlankEmojiAndVeryLongTextsDoNotThrow() {
        for (String text : new String[] {null, "", "   \n\t ", "👍👍🔥", "!!!", "😡 配達 😡", "\uD83D"}) {
            TextAnalysis analysis = analyzer.analyze(text, null);
            assertNotNull(analysis);
            assertTrue(analysis.sentiment() >= -1.0 && analysis.sentiment() <= 1.0);
        }
        String sentence = "The delivery was very slow but the staff were friendly. ";
        String english = sentence.repeat(10_000 / sentence.length() + 1).substring(0, 10_000);
        assertEquals(Language.ENGLISH, analyzer.analyze(english, null).language());
        String japanese = "配送がとても遅かったけど、スタッフは親切でした。".repeat(500).substring(0, 10_000);
        assertEquals(Language.JAPANESE, analyzer.analyze(japanese, null).language());
        String chinese = "物流太慢了，但是客服很热情。".repeat(800).substring(0, 10_000);
        TextAnalysis analysis = analyzer.analyze(chinese, null);
        assertTrue(analysis.sentiment() >= -1.0 && analysis.sentiment() <= 1.0);
        assertFalse(analysis.topics().isEmpty());
    }

    @Test
    void readsComplaintSituationsThatUseNoSentimentWord() {
        assertLabel(SentimentLabel.NEGATIVE, "en", "I was charged twice and nobody got back to me.");
        assertLabel(SentimentLabel.NEGATIVE, "en", "Had to call four times before anyone listened.");
        assertLabel(SentimentLabel.NEGATIVE, "en", "Can't log in since the update.");
        assertLabel(SentimentLabel.NEGATIVE, "ja", "箱が潰れて届いた。");
        assertLabel(SentimentLabel.NEGATIVE, "ja", "説明書が入っていなかった。");
        assertLabel(SentimentLabel.NEGATIVE, "ja", "違うサイズが届きました。");
        assertLabel(SentimentLabel.NEGATIVE, "zh", "等了两个小时没人理。");
        assertLabel(SentimentLabel.NEGATIVE, "zh", "到现在还没收到货。");
        assertLabel(SentimentLabel.NEGATIVE, "zh-TW", "退款一直沒到帳。");
        assertEvidence("My refund still hasn't been processed.", "en", "still hasn't been processed");
        assertEvidence("到現在還沒收到貨。", "zh-TW", "現在還沒收到");
    }

    @Test
    void aDurationIsAComplaintWhenItIsAWait() {
        assertLabel(SentimentLabel.NEGATIVE, "en", "I waited three weeks for the parcel.");
        assertEvidence("I waited three weeks for the parcel.", "en", "waited three weeks");
        assertEvidence("We were on hold for over 40 minutes.", "en", "on hold for over 40 minutes");
        // A duration that is not a wait is no complaint (the learned classifier may read a battery that lasts, or a
        // parcel there in three days, as praise, as many readers would)
        assertNotComplaint("en", "The battery lasts three weeks on one charge.");
        assertNotComplaint("en", "You may have to wait 2 days for the confirmation.");
        assertLabel(SentimentLabel.NEGATIVE, "ja", "一時間もかかりました。");
        assertEvidence("三週間待っても、まだ届いていません。", "ja", "三週間待っ");
        assertNotComplaint("ja", "三日で届きました。");
        assertLabel(SentimentLabel.NEGATIVE, "zh", "排队排了半个小时。");
        assertEvidence("等了两个小时没人理。", "zh", "等了两个小时");
        assertNotComplaint("zh", "三天送到。");
        assertLabel(SentimentLabel.NEGATIVE, "zh-TW", "等了三個星期才到。");
    }

    @Test
    void aNegatedComplaintSituationIsPraise() {
        assertLabel(SentimentLabel.POSITIVE, "en", "They never kept me waiting.");
        assertLabel(SentimentLabel.POSITIVE, "en", "I didn't have to wait at all.");
        assertLabel(SentimentLabel.POSITIVE, "ja", "全然待たされなかった。");
        assertLabel(SentimentLabel.POSITIVE, "zh", "没有等很久。");
        assertLabel(SentimentLabel.POSITIVE, "zh", "一点问题都没有。");
        assertLabel(SentimentLabel.NEGATIVE, "zh", "问题都没有解决。");
    }

    @Test
    void aNegatorInsideASituationFlipsItAndOneItNamesDoesNot() {
        assertLabel(SentimentLabel.POSITIVE, "en", "I will definitely order again.");
        assertLabel(SentimentLabel.NEGATIVE, "en", "I will never order from them again.");
        assertLabel(SentimentLabel.NEGATIVE, "en", "They cancelled it without any notice.");
        assertLabel(SentimentLabel.POSITIVE, "ja", "また買います。");
        assertLabel(SentimentLabel.NEGATIVE, "ja", "二度と買いません。");
        assertLabel(SentimentLabel.POSITIVE, "zh", "还会再买。");
        assertLabel(SentimentLabel.NEGATIVE, "zh", "不会再买了。");
    }

    @Test
    void praiseSituationsReadAsPositive() {
        assertLabel(SentimentLabel.POSITIVE, "en", "It came two days early.");
        assertLabel(SentimentLabel.POSITIVE, "en", "The driver went out of their way to find my flat.");
        assertLabel(SentimentLabel.POSITIVE, "ja", "予定より二日早く届きました。");
        assertLabel(SentimentLabel.POSITIVE, "ja", "一回の電話で解決しました。");
        assertLabel(SentimentLabel.POSITIVE, "zh", "第二天就到了。");
        assertLabel(SentimentLabel.POSITIVE, "zh-TW", "一次就解決了。");
    }

    @Test
    void aSituationAskedAboutOrBesideASentimentWordIsNotOverread() {
        assertLabel(SentimentLabel.NEUTRAL, "en", "Has my refund been processed?");
        assertLabel(SentimentLabel.NEUTRAL, "en", "When will the jacket be back in stock?");
        assertLabel(SentimentLabel.NEUTRAL, "ja", "返金はまだですか？");
        assertLabel(SentimentLabel.NEUTRAL, "zh", "我的快递什么时候到？");
        // "no" governs "problems", not "arrived": the gap of "no … arrived" never skips a sentiment word.
        assertLabel(SentimentLabel.POSITIVE, "en", "No problems and it arrived on time.");
        // 没想到 is surprise: its 没 does not flip what follows.
        assertLabel(SentimentLabel.POSITIVE, "zh", "没想到这么快就送到了。");
    }

    @Test
    void whereTheLexiconsFindNothingPolarTheLearnedClassifierReadsTheSituationAndQuotesItsWords() {
        // None of these is in the training comments or the evaluation set; the lexicons read each as neutral
        Map<String, SentimentLabel> texts = Map.of(
                "The staff remembered my name and my usual order.", SentimentLabel.POSITIVE,
                "アプリを開くたびにログインし直さないといけない。", SentimentLabel.NEGATIVE,
                "客服五分钟就帮我把问题处理完了。", SentimentLabel.POSITIVE);
        texts.forEach((text, expected) -> {
            TextAnalysis analysis = analyzer.analyze(text, null);
            assertEquals(expected, analysis.label(), text);
            double magnitude = Math.abs(analysis.sentiment());
            assertTrue(magnitude >= SentimentLabel.THRESHOLD && magnitude <= TextAnalyzer.LEARNED_MAX,
                    text + ": " + analysis.sentiment());
            assertFalse(analysis.sentimentEvidence().isEmpty(), text);
            for (Evidence evidence : analysis.sentimentEvidence()) {
                assertTrue(text.contains(evidence.phrase()), evidence.phrase());
                assertEquals(Math.signum(analysis.sentiment()), Math.signum(evidence.contribution()), text);
            }
        });
        TextAnalysis remembered = analyzer.analyze("The staff remembered my name and my usual order.", "en");
        assertTrue(remembered.sentimentEvidence().stream().anyMatch(e -> e.phrase().contains("remembered")),
                remembered.sentimentEvidence().toString());
    }

    @Test
    void scoresStayWithinMinusOneAndOne() {
        String rant = "terrible awful horrible useless rubbish. ".repeat(200);
        double score = analyzer.analyze(rant, "en").sentiment();
        assertTrue(score >= -1.0 && score < -0.99, "score " + score);
    }

    private static void assertLabel(SentimentLabel expected, String hint, String text) {
        TextAnalysis analysis = analyzer.analyze(text, hint);
        assertEquals(expected, analysis.label(), text + " scored " + analysis.sentiment() + " from "
                + analysis.sentimentEvidence());
    }

    private static void assertNotComplaint(String hint, String text) {
        TextAnalysis analysis = analyzer.analyze(text, hint);
        assertTrue(analysis.label() != SentimentLabel.NEGATIVE, text + " scored " + analysis.sentiment() + " from "
                + analysis.sentimentEvidence());
    }

    private static void assertStronger(String stronger, String plain, String hint) {
        assertStronger(stronger, plain, hint, false);
    }

    private static void assertStronger(String scaled, String plain, String hint, boolean weaker) {
        double scaledScore = Math.abs(analyzer.analyze(scaled, hint).sentiment());
        double plainScore = Math.abs(analyzer.analyze(plain, hint).sentiment());
        assertTrue(plainScore > 0, plain + " has no sentiment");
        if (weaker) {
            assertTrue(scaledScore < plainScore, scaled + " " + scaledScore + " vs " + plain + " " + plainScore);
        } else {
            assertTrue(scaledScore > plainScore, scaled + " " + scaledScore + " vs " + plain + " " + plainScore);
        }
    }

    private static void assertEvidence(String text, String hint, String phrase) {
        List<String> phrases = analyzer.analyze(text, hint).sentimentEvidence().stream().map(Evidence::phrase)
                .collect(Collectors.toList());
        assertTrue(phrases.contains(phrase), phrase + " not in " + phrases);
    }

    private static void assertTopic(String text, String hint, String topicId, String phrase) {
        List<Topic> topics = analyzer.analyze(text, hint).topics();
        assertTrue(topics.stream().anyMatch(topic -> topic.id().equals(topicId) && topic.phrases().contains(phrase)),
                topicId + "/" + phrase + " not in " + topics);
    }
}
