package dk.kk.gevinstspor.proposal;

import jakarta.enterprise.context.ApplicationScoped;

import dk.kk.gevinstspor.actuals.ActualRepository;
import dk.kk.gevinstspor.domain.Evaluation;
import dk.kk.gevinstspor.domain.Evaluator;
import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.proposal.rest.EvaluationJson;

/** Evaluates a stored proposal with its stored actuals; every figure comes from the domain's {@link Evaluator}. */
@ApplicationScoped
public class EvaluationService {

    private final ProposalService proposals;
    private final ActualRepository actuals;
    private final Evaluator evaluator;

    public EvaluationService(ProposalService proposals, ActualRepository actuals, Evaluator evaluator) {
        this.proposals = proposals;
        this.actuals = actuals;
        this.evaluator = evaluator;
    }

    public EvaluationJson evaluate(String reference, int year) {
        ProposalEntity entity = proposals.find(reference);
        Proposal proposal = ProposalMapper.toDomain(entity);
        Evaluation evaluation = evaluator.evaluate(proposal, actuals.actualsOf(entity.id), year);
        return EvaluationJson.of(reference, evaluation, proposals.findings(proposal));
    }
}
