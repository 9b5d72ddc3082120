package io.hearken.survey.service;

import io.hearken.survey.config.SurveyServiceConfig;
import io.hearken.survey.domain.Survey;
import io.hearken.survey.repository.SurveyRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Survey definitions for the submission path, held in memory for a short time. Submissions are acknowledged by
 * Kafka alone, so a survey already known here keeps taking responses while MongoDB is away.
 */
@ApplicationScoped
public class SurveyCatalog {

    private final SurveyRepository repository;
    private final long ttlMillis;
    private final Map<String, CachedSurvey> cache = new ConcurrentHashMap<>();

    public SurveyCatalog(SurveyRepository repository, SurveyServiceConfig config) {
        this.repository = repository;
        this.ttlMillis = config.surveyCacheTtl().toMillis();
    }

    public Uni<Optional<Survey>> find(String surveyId) {
        CachedSurvey cached = cache.get(surveyId);
        if (cached != null && cached.isFresh(ttlMillis)) {
            return Uni.createFrom().item(Optional.of(cached.survey()));
        }
        return repository.findById(surveyId)
                .invoke(found -> found.ifPresent(this::remember))
                // MongoDB may not have it (yet) although this instance saw it: a rebuilt or lagging projection.
                .map(found -> found.isEmpty() && cached != null ? Optional.of(cached.survey()) : found)
                .onFailure().recoverWithUni(failure -> cached != null
                        // MongoDB is unreachable: a slightly stale definition beats refusing the customer.
                        ? Uni.createFrom().item(Optional.of(cached.survey()))
                        : Uni.createFrom().failure(failure));
    }

    public void remember(Survey survey) {
        cache.merge(survey.id(), new CachedSurvey(survey, System.currentTimeMillis()),
                (old, fresh) -> old.survey().version() > fresh.survey().version() ? old : fresh);
    }

    private record CachedSurvey(Survey survey, long loadedAtMillis) {
        boolean isFresh(long ttlMillis) {
            return System.currentTimeMillis() - loadedAtMillis < ttlMillis;
        }
    }
}
