package dk.kk.gevinstspor.demo;

import java.util.List;

import dk.kk.gevinstspor.actuals.ActualJson;
import dk.kk.gevinstspor.proposal.ProposalJson;

/** One demo proposal: what was adopted, and the actuals the administration entered for past years (ascending). */
public record DemoProposal(ProposalJson.Request proposal, List<ActualJson> actuals) {

    public DemoProposal {
        actuals = List.copyOf(actuals);
    }
}
