package dk.kk.gevinstspor.proposal;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dk.kk.gevinstspor.domain.Evaluation;
import dk.kk.gevinstspor.domain.Evaluator;
import dk.kk.gevinstspor.portfolio.Stored;

/**
 * Evaluates a stored proposal with its stored actuals; every figure comes from the domain's {@link Evaluator}. An
 * answer is kept in memory with the stamp of the proposal's evaluation snapshots and given again while that stamp is
 * unchanged ({@link ProposalRepository#evaluationStamp}: one indexed statement instead of reading and evaluating the
 * proposal). A proposal marked out of date, or without snapshots, is evaluated on every request (docs/reporting.md).
 */
@ApplicationScoped
public class EvaluationService {

    /** Answers kept: a few kilobytes each. */
    static final int KEPT = 4_096;

    private record Key(String reference, int year) {
    }

    private record Answer(String stamp, EvaluationJson json) {
    }

    @Inject
    ProposalService proposals;
    @Inject
    ProposalRepository repository;
    @Inject
    Evaluator evaluator;

    private final Cache<Key, Answer> answers = Caffeine.newBuilder().maximumSize(KEPT).build();

    public EvaluationJson evaluate(String reference, int year) {
        Key key = new Key(reference, year);
        Optional<String> stamp = repository.evaluationStamp(reference);
        Answer kept = stamp.isEmpty() ? null : answers.getIfPresent(key);
        if (kept != null && kept.stamp().equals(stamp.get())) {
            return kept.json();
        }
        // read after the stamp: data at least as new as the stamp, so a change committed in between marks the proposal
        // and gives it a new stamp before this answer could be given again
        Stored stored = proposals.stored(reference);
        Evaluation evaluation = evaluator.evaluate(stored.proposal(), stored.actuals(), year);
        EvaluationJson json = EvaluationJson.of(reference, evaluation, proposals.findings(stored.proposal()));
        stamp.ifPresent(s -> answers.put(key, new Answer(s, json)));
        return json;
    }
}
