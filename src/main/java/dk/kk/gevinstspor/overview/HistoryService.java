package dk.kk.gevinstspor.overview;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.hibernate.envers.query.criteria.AuditCriterion;
import org.hibernate.envers.query.criteria.AuditDisjunction;

import dk.kk.gevinstspor.actuals.ActualEntity;
import dk.kk.gevinstspor.common.Numbers;
import dk.kk.gevinstspor.common.audit.Revision;
import dk.kk.gevinstspor.decision.ApprovalBody;
import dk.kk.gevinstspor.decision.ChangeDecisionEntity;
import dk.kk.gevinstspor.decision.DecisionApprovalEntity;
import dk.kk.gevinstspor.decision.DecisionRepository;
import dk.kk.gevinstspor.proposal.AssessmentEntity;
import dk.kk.gevinstspor.proposal.LoanEntity;
import dk.kk.gevinstspor.proposal.PlanVersionEntity;
import dk.kk.gevinstspor.proposal.ProposalEntity;
import dk.kk.gevinstspor.proposal.ProposalService;
import dk.kk.gevinstspor.proposal.TargetEntity;

/**
 * The audit history of a proposal: every audited change to it, its plan versions, targets, assessments, loan,
 * actuals, change decisions and their approvals, as rows of time, user, what, old value and new value. Built from Envers' audit tables, which
 * set-based writes fill as well (docs/audit.md).
 */
@ApplicationScoped
public class HistoryService {

    static final String CREATED = "(oprettet)";
    static final String REMOVED = "(slettet)";

    @Inject
    ProposalService proposals;
    @Inject
    EntityManager em;
    @Inject
    DecisionRepository decisions;

    @Transactional
    public List<HistoryJson> history(String reference) {
        ProposalEntity proposal = proposals.find(reference);
        AuditReader reader = AuditReaderFactory.get(em);
        List<HistoryJson> rows = new ArrayList<>();
        rows.addAll(changes(reader, ProposalEntity.class, AuditEntity.id().eq(proposal.id), "proposal", p -> reference,
                HistoryService::describe));
        rows.addAll(changes(reader, AssessmentEntity.class, AuditEntity.relatedId("proposal").eq(proposal.id), "assessment",
                a -> a.type.name(), HistoryService::describe));
        rows.addAll(changes(reader, TargetEntity.class, AuditEntity.relatedId("proposal").eq(proposal.id), "target",
                t -> t.code, HistoryService::describe));
        Map<Long, PlanVersionEntity> versions = proposal.planVersions.stream()
                .collect(Collectors.toMap(v -> v.id, Function.identity()));
        rows.addAll(changes(reader, PlanVersionEntity.class, AuditEntity.relatedId("proposal").eq(proposal.id), "plan",
                v -> "version " + v.number, v -> describe(v, versions.get(v.id))));
        rows.addAll(changes(reader, LoanEntity.class, AuditEntity.id().eq(proposal.id), "loan", l -> reference,
                HistoryService::describe));
        rows.addAll(changes(reader, ActualEntity.class, AuditEntity.property("proposalId").eq(proposal.id), "actuals",
                a -> Integer.toString(a.year), HistoryService::describe));
        List<Long> decisionIds = decisions.idsOf(proposal.id);
        if (!decisionIds.isEmpty()) {
            rows.addAll(changes(reader, ChangeDecisionEntity.class, AuditEntity.relatedId("proposal").eq(proposal.id), "decision",
                    d -> "#" + d.id + " " + d.type, HistoryService::describe));
            AuditDisjunction anyApproval = AuditEntity.disjunction();
            for (Long id : decisionIds) {
                for (ApprovalBody body : ApprovalBody.values()) {
                    anyApproval.add(AuditEntity.id().eq(new DecisionApprovalEntity.Key(id, body)));
                }
            }
            rows.addAll(changes(reader, DecisionApprovalEntity.class, anyApproval, "approval",
                    a -> "#" + a.id.decisionId + " " + a.id.body, HistoryService::describe));
        }
        rows.sort(Comparator.comparing(HistoryJson::revision).thenComparing(HistoryJson::entity).thenComparing(HistoryJson::item));
        return rows;
    }

    /** The rows of one kind of entity: per instance, each revision compared with the one before. */
    private static <E> List<HistoryJson> changes(AuditReader reader, Class<E> type, AuditCriterion belongsToProposal,
            String entity, Function<E, String> item, Function<E, Map<String, String>> describe) {
        @SuppressWarnings("unchecked")
        List<Object[]> revisions = reader.createQuery().forRevisionsOfEntity(type, false, true)
                .add(belongsToProposal).addOrder(AuditEntity.revisionNumber().asc()).getResultList();
        Map<Object, Map<String, String>> previous = new LinkedHashMap<>();
        List<HistoryJson> rows = new ArrayList<>();
        for (Object[] r : revisions) {
            @SuppressWarnings("unchecked")
            E snapshot = (E) r[0];
            Revision revision = (Revision) r[1];
            RevisionType kind = (RevisionType) r[2];
            Object key = keyOf(snapshot);
            Instant at = Instant.ofEpochMilli(revision.timestamp);
            String what = item.apply(snapshot);
            if (kind == RevisionType.DEL) {
                Map<String, String> before = previous.remove(key);
                rows.add(new HistoryJson(at, revision.username, entity, what, REMOVED, summary(before), null, revision.id));
                continue;
            }
            Map<String, String> now = describe.apply(snapshot);
            Map<String, String> before = previous.put(key, now);
            if (before == null) {
                rows.add(new HistoryJson(at, revision.username, entity, what, CREATED, null, summary(now), revision.id));
                continue;
            }
            for (Map.Entry<String, String> field : now.entrySet()) {
                String old = before.get(field.getKey());
                if (!Objects.equals(old, field.getValue())) {
                    rows.add(new HistoryJson(at, revision.username, entity, what, field.getKey(), old, field.getValue(), revision.id));
                }
            }
        }
        return rows;
    }

    private static Object keyOf(Object snapshot) {
        if (snapshot instanceof ProposalEntity p) {
            return p.id;
        } else if (snapshot instanceof AssessmentEntity a) {
            return a.id;
        } else if (snapshot instanceof TargetEntity t) {
            return t.id;
        } else if (snapshot instanceof PlanVersionEntity v) {
            return v.id;
        } else if (snapshot instanceof LoanEntity l) {
            return l.proposalId;
        } else if (snapshot instanceof ActualEntity a) {
            return a.id;
        } else if (snapshot instanceof ChangeDecisionEntity d) {
            return "decision " + d.id;
        } else if (snapshot instanceof DecisionApprovalEntity a) {
            return a.id;
        }
        throw new IllegalArgumentException("Not audited here: " + snapshot);
    }

    private static String summary(Map<String, String> fields) {
        if (fields == null) {
            return null;
        }
        return fields.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    // ---- what is shown of each entity ------------------------------------------------------------------

    static Map<String, String> describe(ProposalEntity p) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("title", p.title);
        m.put("kind", str(p.kind));
        m.put("leadAdministration", p.leadAdministration);
        m.put("administrations", sorted(p.administrations));
        m.put("adoptionRound", str(p.adoptionRound));
        m.put("adoptionYear", str(p.adoptionYear));
        m.put("priceLevelYear", str(p.priceLevelYear));
        m.put("priorityClass", str(p.priorityClass));
        m.put("digital", str(p.digital));
        m.put("baseInvestment", str(p.baseInvestment));
        m.put("dependentProposals", p.dependentProposals == null ? null : String.join("; ", p.dependentProposals));
        m.put("transfersEffect", str(p.transfersEffect));
        m.put("employerAreaEffect", str(p.employerAreaEffect));
        m.put("premisesChange", str(p.premisesChange));
        m.put("newItSystem", str(p.newItSystem));
        m.put("otherAdministrationsPotential", str(p.otherAdministrationsPotential));
        m.put("expectedInvestmentProposalYear", str(p.expectedInvestmentProposalYear));
        m.put("status", str(p.status));
        m.put("cancellationEffectiveYear", str(p.cancellationEffectiveYear));
        return m;
    }

    static Map<String, String> describe(AssessmentEntity a) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("date", str(a.date));
        m.put("reference", a.reference);
        m.put("followUpOnEffects", str(a.followUpOnEffects));
        return m;
    }

    static Map<String, String> describe(TargetEntity t) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", str(t.type));
        m.put("description", t.description);
        m.put("unit", t.unit);
        m.put("direction", str(t.direction));
        m.put("dueYear", str(t.dueYear));
        m.put("yearly", byKeyIfAny(t.yearly, HistoryService::number));
        return m;
    }

    /** A plan version as audited, with its lines from the stored version (lines never change). */
    static Map<String, String> describe(PlanVersionEntity v, PlanVersionEntity stored) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("effectiveFromYear", str(v.effectiveFromYear));
        for (PlanVersionEntity.Line l : stored == null ? List.<PlanVersionEntity.Line>of() : stored.lines) {
            m.put("plan " + l.year, "investment " + number(l.investment) + ", operationFunding " + number(l.operationFunding)
                    + ", operatingCost " + number(l.operatingCost) + ", serviceEfficiency " + number(l.serviceEfficiency)
                    + ", transferEffect " + number(l.transferEffect));
        }
        return m;
    }

    static Map<String, String> describe(LoanEntity l) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("principal", number(l.principal));
        m.put("loanYear", str(l.loanYear));
        m.put("schedule", byKey(l.schedule, HistoryService::number));
        return m;
    }

    static Map<String, String> describe(ActualEntity a) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("investment", number(a.investment));
        m.put("operationFunding", number(a.operationFunding));
        m.put("operatingCost", number(a.operatingCost));
        m.put("serviceEfficiency", number(a.serviceEfficiency));
        m.put("transferEffect", number(a.transferEffect));
        m.put("repayment", number(a.repayment));
        m.put("explanation", a.explanation);
        m.put("kpis", byKeyIfAny(a.kpis, HistoryService::number));
        m.put("milestones", byKeyIfAny(a.milestones, String::valueOf));
        return m;
    }

    static Map<String, String> describe(ChangeDecisionEntity d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("type", str(d.type));
        m.put("status", str(d.status));
        m.put("description", d.description);
        m.put("effectiveYear", str(d.effectiveYear));
        m.put("plan", d.plan);
        m.put("schedule", d.schedule);
        m.put("createdBy", d.createdBy);
        m.put("approvedAt", str(d.approvedAt));
        return m;
    }

    static Map<String, String> describe(DecisionApprovalEntity a) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("date", str(a.approvedOn));
        m.put("caseReference", a.caseReference);
        return m;
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private static String sorted(Collection<String> values) {
        return values == null ? null : values.stream().sorted().collect(Collectors.joining(", "));
    }

    /** "key: value, …" in the keys' order; null for no map, "" for an empty one. */
    private static <V> String byKey(Map<?, V> values, Function<V, String> show) {
        return values == null ? null : new TreeMap<>(values).entrySet().stream()
                .map(e -> e.getKey() + ": " + show.apply(e.getValue())).collect(Collectors.joining(", "));
    }

    /** As {@link #byKey}, and null for an empty map. */
    private static <V> String byKeyIfAny(Map<?, V> values, Function<V, String> show) {
        return values == null || values.isEmpty() ? null : byKey(values, show);
    }

    static String number(BigDecimal value) {
        return Numbers.plainString(value);
    }
}
