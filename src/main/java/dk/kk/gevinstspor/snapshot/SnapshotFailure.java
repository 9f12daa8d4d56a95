package dk.kk.gevinstspor.snapshot;

import java.time.Instant;

/**
 * A proposal the snapshot job could not evaluate (docs/reporting.md, Failures): its reference, title, the domain's
 * message and since when it fails. Kept until a run evaluates the proposal.
 */
public record SnapshotFailure(String reference, String title, String message, Instant since) {
}
