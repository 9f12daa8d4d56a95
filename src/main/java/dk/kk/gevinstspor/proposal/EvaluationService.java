package dk.kk.gevinstspor.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dk.kk.gevinstspor.domain.Evaluation;
import dk.kk.gevinstspor.domain.Evaluator;
import dk.kk.gevinstspor.portfolio.Stored;

/** Evaluates a stored proposal with its stored actuals; every figure comes from the domain's {@link Evaluator}. */
@ApplicationScoped
public class EvaluationService {

    @Inject
    ProposalService proposals;
    @Inject
    Evaluator evaluator;

    public EvaluationJson evaluate(String reference, int year) {
        Stored stored = proposals.stored(reference);
        Evaluation evaluation = evaluator.evaluate(stored.proposal(), stored.actuals(), year);
        return EvaluationJson.of(reference, evaluation, proposals.findings(stored.proposal()));
    }
}
