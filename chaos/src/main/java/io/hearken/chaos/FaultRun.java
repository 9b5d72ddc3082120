package io.hearken.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

/**
 * The fault run: for each component in turn, a fresh set of surveys and customers under steady load, a kill -9 of
 * the component, a fixed outage, a restart; then, once everything has settled, a check of every phase against
 * what clients were told.
 */
public final class FaultRun {

    /** The phase that kills nothing but writes events no consumer can apply straight onto the topic. */
    public static final String POISON = "poison";
    /** The kills across which invitations must stay single-use. */
    static final Set<String> INVITATION_PHASES = Set.of("survey", "kafka");
    /** The kills across which a merge and an erasure must complete once. */
    static final Set<String> PROFILE_PHASES = Set.of("profile", "postgres");
    /** The phases that check alerts and cases are raised once: the service raising them and its database. */
    static final Set<String> ALERT_PHASES = Set.of("insight", "postgres");
    /** Phases whose kill could lose or repeat a partner's webhook message: its deliverer, its store, its source. */
    static final Set<String> WEBHOOK_PHASES = Set.of("webhook", "postgres", "kafka");
    private static final String TENANT = "acme";

    /** Knobs of a run; the defaults suit this machine kind (2 cores shared with every process of the platform). */
    public record Settings(int ratePerSecond, Duration warmup, Duration outage, Duration settle,
                           Duration retryWindow, Duration drainTimeout, int surveysPerPhase, int customersPerPhase) {

        public static Settings defaults() {
            return new Settings(40, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10),
                    Duration.ofSeconds(90), Duration.ofSeconds(180), 2, 25);
        }
    }

    private final String mailApi;
    private final GatewayClient client;
    private final ProcessControl control;
    private final Settings settings;
    private final String adminUser;
    private final String password;
    private final Map<String, List<String>> dependentReadiness;
    private final String kafkaBootstrapServers;

    /**
     * @param dependentReadiness per component, the readiness URLs of the services that depend on it and must
     *                           report DOWN while it is away
     */
    public FaultRun(GatewayClient client, ProcessControl control, Settings settings, String adminUser,
                    String password, Map<String, List<String>> dependentReadiness) {
        this(client, control, settings, adminUser, password, dependentReadiness, null);
    }

    /**
     * @param kafkaBootstrapServers the broker the poison phase writes to ({@value #POISON} in the components);
     *                              null when the run has no poison phase
     */
    public FaultRun(GatewayClient client, ProcessControl control, Settings settings, String adminUser,
                    String password, Map<String, List<String>> dependentReadiness, String kafkaBootstrapServers) {
        this(client, control, settings, adminUser, password, dependentReadiness, kafkaBootstrapServers, null);
    }

    /** @param mailApi the local mail server's API (invitations are read there), or null to skip that check */
    public FaultRun(GatewayClient client, ProcessControl control, Settings settings, String adminUser,
                    String password, Map<String, List<String>> dependentReadiness, String kafkaBootstrapServers,
                    String mailApi) {
        this.mailApi = mailApi;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.client = client;
        this.control = control;
        this.settings = settings;
        this.adminUser = adminUser;
        this.password = password;
        this.dependentReadiness = dependentReadiness;
    }

    public List<PhaseResult> run(List<String> components) throws Exception {
        return run(components, null);
    }

    /** Runs the phases; if {@code record} is given, every submission and its outcome is written there. */
    public List<PhaseResult> run(List<String> components, Path record) throws Exception {
        Map<String, InvitationCheck> invitationChecks = new LinkedHashMap<>();
        try {
            return run(components, record, invitationChecks, new LinkedHashMap<>());
        } finally {
            invitationChecks.values().forEach(InvitationCheck::close);
        }
    }

    private List<PhaseResult> run(List<String> components, Path record,
                                  Map<String, InvitationCheck> invitationChecks,
                                  Map<String, ProfileCheck> profileChecks) throws Exception {
        Map<String, AlertCheck> alertChecks = new LinkedHashMap<>();
        Map<String, WebhookCheck> webhookChecks = new LinkedHashMap<>();
        try {
            return run(components, record, invitationChecks, profileChecks, alertChecks, webhookChecks);
        } finally {
            webhookChecks.values().forEach(WebhookCheck::close);
        }
    }

    private List<PhaseResult> run(List<String> components, Path record,
                                  Map<String, InvitationCheck> invitationChecks,
                                  Map<String, ProfileCheck> profileChecks, Map<String, AlertCheck> alertChecks,
                                  Map<String, WebhookCheck> webhookChecks) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Verifier.Phase> phases = new ArrayList<>();
        List<PhaseResult> results = new ArrayList<>();
        Map<String, PhaseResult> notStarted = new LinkedHashMap<>();
        Map<String, PoisonInjection.Result> poisonChecks = new LinkedHashMap<>();
        try (LoadGenerator load = new LoadGenerator(client, settings.retryWindow())) {
            for (String component : components) {
                List<String> surveys = new ArrayList<>();
                try {
                    // The platform may still be settling after the previous kill: setup calls retry with backoff.
                    String token = withRetries("get a token", () -> client.token(adminUser, password));
                    for (int i = 0; i < settings.surveysPerPhase(); i++) {
                        String name = "chaos " + run + " " + component + " " + i;
                        surveys.add(withRetries("create a survey", () -> client.createNpsSurvey(token, name)));
                    }
                } catch (RuntimeException e) {
                    log("phase %s cannot start: %s", component, e.getMessage());
                    notStarted.put(component, PhaseResult.notStarted(component, e.getMessage()));
                    continue;
                }
                List<String> customers = IntStream.range(0, settings.customersPerPhase())
                        .mapToObj(i -> "chaos-" + run + "-" + component + "-" + i + "@example.com").toList();
                log("phase %s: load %d/s on %d surveys, %d customers", component, settings.ratePerSecond(),
                        surveys.size(), customers.size());
                if (POISON.equals(component)) {
                    phases.add(poisonPhase(load, surveys, customers, poisonChecks));
                    continue;
                }
                InvitationCheck invitations = prepareInvitations(component, run);
                ProfileCheck profiles = prepareProfiles(component, run);
                AlertCheck alerts = prepareAlerts(component, run, surveys.get(0));
                if (alerts != null) {
                    alertChecks.put(component, alerts);
                }
                if (WEBHOOK_PHASES.contains(component)) {
                    webhookChecks.put(component, withRetries("subscribe a webhook endpoint",
                            () -> WebhookCheck.prepare(client, () -> client.token(adminUser, password), surveys)));
                    log("phase %s: every acknowledged response must reach a webhook endpoint under one message id",
                            component);
                }
                load.start(component, surveys, customers, settings.ratePerSecond());
                Thread.sleep(settings.warmup().toMillis());
                if (invitations != null) {
                    invitationChecks.put(component, invitations);
                    invitations.answerTwice();
                }

                List<String> dependents = dependentReadiness.getOrDefault(component, List.of());
                long killedAt = System.nanoTime();
                log("kill -9 %s", component);
                Boolean dependentsWentDown = null;
                double dependentsRecovery = 0;
                try (ReadinessWatch watch = new ReadinessWatch(dependents)) {
                    control.kill(component);
                    if (profiles != null) {
                        profileChecks.put(component, profiles);
                        profiles.startWhileAway(withRetries("get a token", () -> client.token(adminUser, password)));
                    }
                    Thread.sleep(settings.outage().toMillis());
                    log("restarting %s", component);
                    control.start(component);
                    if (!dependents.isEmpty()) {
                        boolean up = watch.awaitAllUp(settings.retryWindow());
                        dependentsWentDown = watch.sawDown() && up;
                        if (!watch.sawDown()) {
                            log("readiness never went DOWN while %s was away: %s", component, watch.neverSeenDown());
                        }
                        dependentsRecovery = (System.nanoTime() - killedAt) / 1e9;
                    }
                }
                double recovery = Math.max((System.nanoTime() - killedAt) / 1e9, dependentsRecovery);
                log("%s and its dependents ready again %.1f s after the kill", component, recovery);
                Thread.sleep(settings.settle().toMillis());
                load.stopSending();
                phases.add(new Verifier.Phase(component, surveys, customers, recovery, dependentsWentDown));
            }
            log("load stopped; waiting for every submission to settle");
            load.awaitSettled(settings.retryWindow().plusSeconds(30));
            if (record != null) {
                load.writeRecord(record);
                log("record of every submission: %s", record);
            }

            Verifier verifier = new Verifier(client, adminUser, password);
            long deadline = System.nanoTime() + settings.drainTimeout().toNanos();
            while (true) {
                results.clear();
                for (Verifier.Phase phase : phases) {
                    PhaseResult result = verifier.verify(phase, load.submissions(phase.killed()),
                            load.answers(phase.killed()));
                    PoisonInjection.Result poison = poisonChecks.get(phase.killed());
                    PhaseResult checked = poison == null ? result : result.withPoison(poison);
                    InvitationCheck invitations = invitationChecks.get(phase.killed());
                    if (invitations != null) {
                        checked = checked.withInvitations(invitations.verify(client.token(adminUser, password)));
                    }
                    ProfileCheck profiles = profileChecks.get(phase.killed());
                    if (profiles != null) {
                        checked = checked.withProfiles(profiles.verify(client.token(adminUser, password)));
                    }
                    AlertCheck alerts = alertChecks.get(phase.killed());
                    if (alerts != null) {
                        checked = checked.withAlerts(alerts.verify(load.submissions(phase.killed()).stream()
                                .filter(submission -> submission.outcome == Submission.Outcome.ACKNOWLEDGED)
                                .toList()));
                    }
                    WebhookCheck webhooks = webhookChecks.get(phase.killed());
                    if (webhooks != null) {
                        checked = checked.withWebhooks(webhooks.verify(load.submissions(phase.killed()).stream()
                                .filter(submission -> submission.outcome == Submission.Outcome.ACKNOWLEDGED)
                                .toList()));
                    }
                    results.add(checked);
                }
                if (results.stream().allMatch(PhaseResult::holds) || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(2000);
            }
            log("longest single request: %d ms", load.longestRequestMillis());
        }
        results.addAll(notStarted.values());
        return results;
    }

    /**
     * Steady load as in every phase, but instead of a kill: one event of each poison kind per second for the outage
     * time, straight onto the topic; then the dead-letter topic is checked before the next phase kills anything.
     */
    private Verifier.Phase poisonPhase(LoadGenerator load, List<String> surveys, List<String> customers,
                                       Map<String, PoisonInjection.Result> checks) throws Exception {
        if (kafkaBootstrapServers == null) {
            throw new IllegalStateException("the poison phase needs the broker's address (--kafka)");
        }
        try (PoisonInjection poison = new PoisonInjection(kafkaBootstrapServers, TENANT)) {
            poison.markStart();
            load.start(POISON, surveys, customers, settings.ratePerSecond());
            Thread.sleep(settings.warmup().toMillis());
            long started = System.nanoTime();
            long seconds = Math.max(1, settings.outage().toSeconds());
            for (int i = 0; i < seconds; i++) {
                poison.injectOneOfEach();
                Thread.sleep(1000);
            }
            double injecting = (System.nanoTime() - started) / 1e9;
            log("poison: %d events injected; checking the dead-letter topic", 3 * seconds);
            Thread.sleep(settings.settle().toMillis());
            load.stopSending();
            PoisonInjection.Result check = poison.check(settings.retryWindow());
            log("poison: %d of %d expected dead letters, %d stray", check.deadLettered(), check.expected(),
                    check.stray());
            checks.put(POISON, check);
            return new Verifier.Phase(POISON, surveys, customers, injecting, null);
        }
    }

    /**
     * For the phases that kill survey-service or the broker, when the mail server's API is known: a survey of its
     * own (its responses are not the load's), five customers invited by email and their links read.
     */
    private InvitationCheck prepareInvitations(String component, String run) throws Exception {
        if (mailApi == null || !INVITATION_PHASES.contains(component)) {
            return null;
        }
        String token = withRetries("get a token", () -> client.token(adminUser, password));
        String survey = withRetries("create a survey", () -> client.createNpsSurvey(token,
                "chaos " + run + " " + component + " invitations"));
        List<String> emails = IntStream.range(0, 5)
                .mapToObj(i -> "invited-" + run + "-" + component + "-" + i + "@example.com").toList();
        InvitationCheck check = new InvitationCheck(client, mailApi, settings.retryWindow());
        check.prepare(token, survey, emails);
        log("phase %s: %d invitations sent; each is answered twice while %s is away", component, emails.size(),
                component);
        return check;
    }

    /**
     * For the phases that kill insight-service or PostgreSQL, when the broker is known: a detractor rule on the
     * phase's first survey, whose alerts are checked once the load has settled.
     */
    private AlertCheck prepareAlerts(String component, String run, String surveyId) throws Exception {
        if (kafkaBootstrapServers == null || !ALERT_PHASES.contains(component)) {
            return null;
        }
        String token = withRetries("get a token", () -> client.token(adminUser, password));
        AlertCheck check = withRetries("create an alert rule", () -> AlertCheck.prepare(client,
                kafkaBootstrapServers, token, "chaos " + run + " " + component + " detractors", surveyId));
        log("phase %s: every detractor on survey %s raises an alert and a case", component, surveyId);
        return check;
    }

    /**
     * For the phases that kill profile-service or PostgreSQL, when the broker is known: three verified customers,
     * two to merge and one to erase while the component is away.
     */
    private ProfileCheck prepareProfiles(String component, String run) throws Exception {
        if (kafkaBootstrapServers == null || !PROFILE_PHASES.contains(component)) {
            return null;
        }
        String token = withRetries("get a token", () -> client.token(adminUser, password));
        ProfileCheck check = new ProfileCheck(client.gatewayUrl(), kafkaBootstrapServers, settings.retryWindow());
        withRetries("create the customers to merge and erase", () -> {
            check.prepare(token, "chaos-" + run + "-" + component);
            return null;
        });
        log("phase %s: a merge and an erasure will be asked while %s is away", component, component);
        return check;
    }

    /** Calls {@code action} until it succeeds, backing off from 0.5 s to 8 s, for at most the retry window. */
    private <T> T withRetries(String what, Callable<T> action) {
        long deadline = System.nanoTime() + settings.retryWindow().toNanos();
        long pause = 500;
        while (true) {
            try {
                return action.call();
            } catch (Exception e) {
                if (System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw new IllegalStateException("could not " + what + " within " + settings.retryWindow()
                            .toSeconds() + " s: " + e.getMessage(), e);
                }
                log("could not %s yet (%s); retrying in %d ms", what, e.getMessage(), pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(interrupted);
                }
                pause = Math.min(pause * 2, 8000);
            }
        }
    }

    /** The reliability table in Markdown. */
    public static String table(List<PhaseResult> results) {
        StringBuilder table = new StringBuilder("""
                | killed | sent | acknowledged | stored once | counted | NPS equal | on timelines once | lost | duplicated | kept unacknowledged | gave up | client errors (answers) | dependents DOWN while away | recovery s | longest gap in acks s | poison: injected / dead letters expected / found / stray | invitations answered twice: accepted once / twice / never / stored twice | merge and erasure during the kill | detractors: alert and case raised once | webhooks: delivered under one message id |
                |---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
                """);
        for (PhaseResult result : results) {
            if (result.notStartedBecause() != null) {
                table.append(String.format(Locale.ROOT, "| %s | phase could not start: %s |%n", result.killed(),
                        result.notStartedBecause().replace('|', '/')));
                continue;
            }
            long lost = result.storedLost() + result.timelineLost() + Math.max(0, result.acknowledged()
                    - result.counted());
            long duplicated = result.storedDuplicated() + result.timelineDuplicated() + Math.max(0, result.counted()
                    - result.acknowledged() - result.unacknowledgedKept());
            table.append(String.format(Locale.ROOT,
                    "| %s | %d | %d | %d | %d | %s | %d | %d | %d | %d | %d | %d %s | %s | %.1f | %.1f | %s | %s | %s | %s | %s |%n",
                    result.killed(), result.sent(), result.acknowledged(), result.storedOnce(), result.counted(),
                    result.npsMatches() ? "yes" : "NO", result.onTimelinesOnce(), lost, duplicated,
                    result.unacknowledgedKept(), result.gaveUp(), result.clientErrors(), result.answers(),
                    result.dependentsWentDown() == null ? "n/a" : result.dependentsWentDown() ? "yes" : "NO",
                    result.recoverySeconds(), result.submissionGapSeconds(), result.poison() == null ? "n/a"
                            : result.poison().injected() + " / " + result.poison().expected() + " / "
                            + result.poison().deadLettered() + " / " + result.poison().stray(),
                    result.invitations() == null ? "n/a" : result.invitations().answeredOnce() + " of "
                            + result.invitations().invited() + " / " + result.invitations().usedTwice() + " / "
                            + result.invitations().unanswered() + " / " + result.invitations().storedTwice(),
                    result.profiles() == null ? "n/a" : result.profiles().toString().replace('|', '/'),
                    result.alerts() == null ? "n/a" : result.alerts().toString(),
                    result.webhooks() == null ? "n/a" : result.webhooks().toString()));
        }
        return table.toString();
    }

    static void log(String format, Object... arguments) {
        System.out.printf("[chaos] " + format + "%n", arguments);
        System.out.flush();
    }
}
