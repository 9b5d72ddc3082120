package io.hearken.insight.service;

import io.hearken.insight.config.InsightConfig;
import io.hearken.insight.domain.FollowUpCase;
import io.hearken.insight.domain.SlaPolicy;
import io.hearken.insight.repository.CaseRepository;
import io.hearken.insight.repository.StoredCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Escalates overdue cases ({@link FollowUpCase#escalateIfOverdue}) every {@code hearken.insight.cases.sweep-interval}.
 * Safe with several instances sweeping at once: each escalation is saved only if the case is still at the version
 * read (the instance that loses the race leaves the case to the winner), and an escalation's new deadline lies
 * ahead, so the same overdue period is never escalated twice.
 */
@ApplicationScoped
public class CaseEscalationSweep {

    private static final Logger LOG = Logger.getLogger(CaseEscalationSweep.class);
    private static final int PAGE = 200;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final CaseRepository cases;
    private final SlaPolicy sla;

    public CaseEscalationSweep(CaseRepository cases, InsightConfig config) {
        this.cases = cases;
        this.sla = config.cases().sla();
    }

    @Scheduled(identity = "case-escalation-sweep", every = "${hearken.insight.cases.sweep-interval:60s}",
            delayed = "${hearken.insight.cases.sweep-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepNow() {
        try {
            sweep(Timestamps.now());
        } catch (RuntimeException e) {
            // PostgreSQL away: the next sweep tries again, nothing is lost by waiting.
            LOG.warnf("escalation sweep failed, retried at the next interval: %s", e.getMessage());
        }
    }

    /** Escalates every case overdue at {@code now}; returns how many this call escalated. Blocking. */
    public int sweep(Instant now) {
        int escalated = 0;
        List<CaseRepository.CaseId> overdue = cases.overdue(now, PAGE).await().atMost(WAIT);
        // An escalated case is no longer overdue, so each page is new work; a case lost to another instance is too.
        while (!overdue.isEmpty()) {
            int before = escalated;
            for (CaseRepository.CaseId id : overdue) {
                if (escalate(id, now)) {
                    escalated++;
                }
            }
            if (overdue.size() < PAGE || escalated == before) {
                break;
            }
            overdue = cases.overdue(now, PAGE).await().atMost(WAIT);
        }
        return escalated;
    }

    private boolean escalate(CaseRepository.CaseId id, Instant now) {
        Optional<StoredCase> found = cases.find(id.tenant(), id.id()).await().atMost(WAIT);
        if (found.isEmpty()) {
            return false;
        }
        FollowUpCase before = found.get().followUpCase();
        FollowUpCase after = before.escalateIfOverdue(now, sla);
        if (after == before) {
            return false;
        }
        boolean saved = cases.save(found.get(), after, now).await().atMost(WAIT);
        if (saved) {
            LOG.infof("case %s of %s escalated %s → %s, due %s", before.id(), before.tenant(), before.priority(),
                    after.priority(), after.dueAt());
        }
        return saved;
    }
}
