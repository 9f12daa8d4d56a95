package dk.kk.gevinstspor.portfolio;

import dk.kk.gevinstspor.domain.Actuals;
import dk.kk.gevinstspor.domain.Proposal;

/** A stored proposal as the domain sees it (current plan), with its stored id and its actuals. */
public record Stored(long id, Proposal proposal, Actuals actuals) {
}
