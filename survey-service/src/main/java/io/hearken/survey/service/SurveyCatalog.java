package io.hearken.survey.service;

import io.hearken.survey.config.SurveyServiceConfig;
import io.hearken.survey.domain.Survey;
import io.hearken.survey.domain.SurveyVersion;
import io.hearken.survey.repository.SurveyRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Surveys and their published versions for the submission path, held in memory. Submissions are acknowledged by
 * Kafka alone, so a survey already known here keeps taking responses while MongoDB is away. A survey's state (is
 * it active?) is kept for a short time; a published version never changes, so it is kept until memory is needed.
 */
@ApplicationScoped
public class SurveyCatalog {

    private static final int MAX_VERSIONS_HELD = 10_000;

    private final SurveyRepository repository;
    private final long ttlMillis;
    private final Map<String, CachedSurvey> surveys = new ConcurrentHashMap<>();
    private final Map<String, SurveyVersion> versions = new ConcurrentHashMap<>();

    public SurveyCatalog(SurveyRepository repository, SurveyServiceConfig config) {
        this.repository = repository;
        this.ttlMillis = config.surveyCacheTtl().toMillis();
    }

    public Uni<Optional<Survey>> find(String surveyId) {
        CachedSurvey cached = surveys.get(surveyId);
        if (cached != null && cached.isFresh(ttlMillis)) {
            return Uni.createFrom().item(Optional.of(cached.survey()));
        }
        return repository.findById(surveyId)
                .invoke(found -> found.ifPresent(this::remember))
                // MongoDB may not have it (yet) although this instance saw it: a rebuilt or lagging projection.
                .map(found -> found.isEmpty() && cached != null ? Optional.of(cached.survey()) : found)
                .onFailure().recoverWithUni(failure -> cached != null
                        // MongoDB is unreachable: a slightly stale state beats refusing the customer.
                        ? Uni.createFrom().item(Optional.of(cached.survey()))
                        : Uni.createFrom().failure(failure));
    }

    public Uni<Optional<SurveyVersion>> version(String surveyId, int version) {
        SurveyVersion held = versions.get(key(surveyId, version));
        if (held != null) {
            return Uni.createFrom().item(Optional.of(held));
        }
        return repository.findVersion(surveyId, version).invoke(found -> found.ifPresent(this::remember));
    }

    public void remember(Survey.Change change) {
        if (change.survey() != null) {
            remember(change.survey());
        }
        change.published().ifPresent(this::remember);
    }

    private void remember(Survey survey) {
        surveys.merge(survey.id(), new CachedSurvey(survey, System.currentTimeMillis()),
                (old, fresh) -> old.survey().revision() > fresh.survey().revision() ? old : fresh);
    }

    private void remember(SurveyVersion version) {
        if (versions.size() >= MAX_VERSIONS_HELD) {
            versions.clear();
        }
        versions.put(key(version.surveyId(), version.version()), version);
    }

    private static String key(String surveyId, int version) {
        return surveyId + "/v" + version;
    }

    private record CachedSurvey(Survey survey, long loadedAtMillis) {
        boolean isFresh(long ttlMillis) {
            return System.currentTimeMillis() - loadedAtMillis < ttlMillis;
        }
    }
}
