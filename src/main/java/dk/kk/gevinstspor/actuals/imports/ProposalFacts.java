package dk.kk.gevinstspor.actuals.imports;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.kk.gevinstspor.domain.Proposal;
import dk.kk.gevinstspor.portfolio.Portfolio;
import dk.kk.gevinstspor.portfolio.Selection;
import dk.kk.gevinstspor.portfolio.Stored;

/**
 * What an import needs to know of the proposals its rows name, read with one query per batch of references
 * ({@link Portfolio}) and kept in a bounded cache (a proposal's rows are mostly together in a file): the domain
 * proposal and the administrations taking part. Used by one thread at a time ({@link ReadAhead}'s, then the import's).
 */
final class ProposalFacts {

    record Fact(long id, Proposal proposal, Set<String> administrations) {
    }

    private final Portfolio portfolio;
    private final Map<String, Fact> cache;
    private final Set<String> unknown = new LinkedHashSet<>();

    ProposalFacts(Portfolio portfolio, int capacity) {
        this.portfolio = portfolio;
        this.cache = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Fact> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The proposals of these references that exist, by reference: from the cache, the rest read with one query. */
    Map<String, Fact> load(List<String> references) {
        loadMissing(references);
        Map<String, Fact> known = new java.util.HashMap<>();
        for (String r : references) {
            Fact fact = cache.get(r);
            if (fact != null) {
                known.put(r, fact);
            }
        }
        return known;
    }

    private void loadMissing(List<String> references) {
        Set<String> missing = new LinkedHashSet<>();
        for (String r : references) {
            if (!cache.containsKey(r) && !unknown.contains(r)) {
                missing.add(r);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (unknown.size() > 100_000) {
            unknown.clear();
        }
        for (Stored loaded : portfolio.withoutActuals(new Selection.Named(missing))) {
            Proposal proposal = loaded.proposal();
            cache.put(proposal.reference(), new Fact(loaded.id(), proposal, proposal.administrations()));
            missing.remove(proposal.reference());
        }
        unknown.addAll(missing);
    }

    /** The titles of those of the references that name a proposal (read when not cached). */
    Map<String, String> titles(Set<String> references) {
        loadMissing(List.copyOf(references));
        Map<String, String> titles = new LinkedHashMap<>();
        for (String r : references) {
            Fact fact = cache.get(r);
            if (fact != null) {
                titles.put(r, fact.proposal().title());
            }
        }
        return titles;
    }

}
