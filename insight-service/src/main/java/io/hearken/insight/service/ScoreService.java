package io.hearken.insight.service;

import io.hearken.insight.domain.NpsScore;
import io.hearken.insight.repository.NpsRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads the scores CX teams look at. */
@ApplicationScoped
public class ScoreService {

    private final NpsRepository repository;

    public ScoreService(NpsRepository repository) {
        this.repository = repository;
    }

    /** The survey's NPS; a survey nobody answered yet scores 0 with a total of 0. */
    public Uni<NpsScore> nps(String tenant, String surveyId) {
        return repository.find(tenant, surveyId).map(found -> found.orElse(NpsScore.of(surveyId, 0, 0, 0)));
    }
}
