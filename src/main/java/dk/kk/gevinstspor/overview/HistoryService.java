package dk.kk.gevinstspor.overview;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
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
import dk.kk.gevinstspor.common.web.Labels;
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
    /** The field of a plan version's line: {@code plan 2027}. */
    static final String PLAN_LINE = "plan ";

    @Inject
    ProposalService proposals;
    @Inject
    EntityManager em;
    @Inject
    DecisionRepository decisions;

    /** The history as API.md gives it: one row per changed field, oldest first, values as plain text. */
    @Transactional
    public List<HistoryJson> history(String reference) {
        return changes(reference).stream().map(Change::json).toList();
    }

    /**
     * The history as the proposal page shows it, in Danish: newest first, one entry per thing changed in one save,
     * with each changed field by its label and its values the Danish way ({@link HistoryText}).
     */
    @Transactional
    public List<HistoryEntry> entries(String reference) {
        return HistoryText.entries(changes(reference));
    }

    /**
     * One changed field (or a creation or removal, with every field) as read from the audit tables, its values typed:
     * the API writes them as plain text ({@link #apiText}), the page the Danish way.
     */
    record Change(Instant at, String user, String entity, Item item, String field, Object old, Object now, long revision) {

        HistoryJson json() {
            return new HistoryJson(at, user, entity, item.api(), field, text(old), text(now), revision);
        }

        /** A creation's or removal's value is every field ({@code name=value, …}); a changed field's is its own value. */
        private String text(Object value) {
            boolean wholeEntity = CREATED.equals(field) || REMOVED.equals(field);
            return wholeEntity && value instanceof Map<?, ?> all ? summary(all) : apiText(value);
        }
    }

    /** What a line is about: as the API names it ({@code #17 AMOUNT_DEVIATION}) and in Danish (Beløbsmæssig afvigelse, nr. 17). */
    record Item(String api, String danish) {
    }

    /** The amounts of a plan line, in the plan's order. */
    record PlanLine(Map<String, BigDecimal> amounts) {
    }

    /** A value stored as JSON text (a decision's new plan or schedule). */
    record Json(String text) {
    }

    private List<Change> changes(String reference) {
        ProposalEntity proposal = proposals.find(reference);
        AuditReader reader = AuditReaderFactory.get(em);
        List<Change> rows = new ArrayList<>();
        rows.addAll(changes(reader, ProposalEntity.class, AuditEntity.id().eq(proposal.id), "proposal",
                p -> new Item(reference, ""), HistoryService::describe));
        rows.addAll(changes(reader, AssessmentEntity.class, AuditEntity.relatedId("proposal").eq(proposal.id), "assessment",
                a -> new Item(a.type.name(), Labels.assessmentType(a.type)), HistoryService::describe));
        rows.addAll(changes(reader, TargetEntity.class, AuditEntity.relatedId("proposal").eq(proposal.id), "target",
                t -> new Item(t.code, t.code), HistoryService::describe));
        Map<Long, PlanVersionEntity> versions = proposal.planVersions.stream()
                .collect(Collectors.toMap(v -> v.id, Function.identity()));
        rows.addAll(changes(reader, PlanVersionEntity.class, AuditEntity.relatedId("proposal").eq(proposal.id), "plan",
                v -> new Item("version " + v.number, "version " + v.number), v -> describe(v, versions.get(v.id))));
        rows.addAll(changes(reader, LoanEntity.class, AuditEntity.id().eq(proposal.id), "loan", l -> new Item(reference, ""),
                HistoryService::describe));
        rows.addAll(changes(reader, ActualEntity.class, AuditEntity.property("proposalId").eq(proposal.id), "actuals",
                a -> new Item(Integer.toString(a.year), Integer.toString(a.year)), HistoryService::describe));
        List<Long> decisionIds = decisions.idsOf(proposal.id);
        if (!decisionIds.isEmpty()) {
            rows.addAll(changes(reader, ChangeDecisionEntity.class, AuditEntity.relatedId("proposal").eq(proposal.id), "decision",
                    d -> new Item("#" + d.id + " " + d.type, Labels.decisionType(d.type) + " (nr. " + d.id + ")"), HistoryService::describe));
            AuditDisjunction anyApproval = AuditEntity.disjunction();
            for (Long id : decisionIds) {
                for (ApprovalBody body : ApprovalBody.values()) {
                    anyApproval.add(AuditEntity.id().eq(new DecisionApprovalEntity.Key(id, body)));
                }
            }
            rows.addAll(changes(reader, DecisionApprovalEntity.class, anyApproval, "approval",
                    a -> new Item("#" + a.id.decisionId + " " + a.id.body, Labels.body(a.id.body) + " (beslutning nr. " + a.id.decisionId + ")"),
                    HistoryService::describe));
        }
        rows.sort(Comparator.comparingLong(Change::revision).thenComparing(Change::entity).thenComparing(c -> c.item().api()));
        return rows;
    }

    /** The rows of one kind of entity: per instance, each revision compared with the one before. */
    private static <E> List<Change> changes(AuditReader reader, Class<E> type, AuditCriterion belongsToProposal,
            String entity, Function<E, Item> item, Function<E, Map<String, Object>> describe) {
        @SuppressWarnings("unchecked")
        List<Object[]> revisions = reader.createQuery().forRevisionsOfEntity(type, false, true)
                .add(belongsToProposal).addOrder(AuditEntity.revisionNumber().asc()).getResultList();
        Map<Object, Map<String, Object>> previous = new LinkedHashMap<>();
        List<Change> rows = new ArrayList<>();
        for (Object[] r : revisions) {
            @SuppressWarnings("unchecked")
            E snapshot = (E) r[0];
            Revision revision = (Revision) r[1];
            RevisionType kind = (RevisionType) r[2];
            Object key = keyOf(snapshot);
            Instant at = Instant.ofEpochMilli(revision.timestamp);
            Item what = item.apply(snapshot);
            if (kind == RevisionType.DEL) {
                Map<String, Object> before = previous.remove(key);
                rows.add(new Change(at, revision.username, entity, what, REMOVED, before, null, revision.id));
                continue;
            }
            Map<String, Object> now = describe.apply(snapshot);
            Map<String, Object> before = previous.put(key, now);
            if (before == null) {
                rows.add(new Change(at, revision.username, entity, what, CREATED, null, now, revision.id));
                continue;
            }
            for (Map.Entry<String, Object> field : now.entrySet()) {
                Object old = before.get(field.getKey());
                if (!Objects.equals(apiText(old), apiText(field.getValue()))) {
                    rows.add(new Change(at, revision.username, entity, what, field.getKey(), old, field.getValue(), revision.id));
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

    private static String summary(Map<?, ?> fields) {
        return fields.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + apiText(e.getValue())).collect(Collectors.joining(", "));
    }

    /**
     * A value as the API writes it (API.md: plain text): amounts without trailing zeros, codes, ISO dates and moments,
     * {@code true}/{@code false}, a map as {@code key: value, …} in its keys' order, a plan line as
     * {@code investment 3000000, operationFunding 0, …}, JSON as stored.
     */
    static String apiText(Object value) {
        if (value == null) {
            return null;
        } else if (value instanceof BigDecimal number) {
            return Numbers.plainString(number);
        } else if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + ": " + apiText(e.getValue())).collect(Collectors.joining(", "));
        } else if (value instanceof PlanLine line) {
            return line.amounts().entrySet().stream().map(e -> e.getKey() + " " + apiText(e.getValue())).collect(Collectors.joining(", "));
        } else if (value instanceof Json json) {
            return json.text();
        }
        return value.toString();
    }

    // ---- what is shown of each entity ------------------------------------------------------------------

    static Map<String, Object> describe(ProposalEntity p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", p.title);
        m.put("kind", p.kind);
        m.put("leadAdministration", p.leadAdministration);
        m.put("administrations", p.administrations == null ? null : p.administrations.stream().sorted().collect(Collectors.joining(", ")));
        m.put("adoptionRound", p.adoptionRound);
        m.put("adoptionYear", p.adoptionYear);
        m.put("priceLevelYear", p.priceLevelYear);
        m.put("priorityClass", p.priorityClass);
        m.put("digital", p.digital);
        m.put("baseInvestment", p.baseInvestment);
        m.put("dependentProposals", p.dependentProposals == null ? null : String.join("; ", p.dependentProposals));
        m.put("transfersEffect", p.transfersEffect);
        m.put("employerAreaEffect", p.employerAreaEffect);
        m.put("premisesChange", p.premisesChange);
        m.put("newItSystem", p.newItSystem);
        m.put("otherAdministrationsPotential", p.otherAdministrationsPotential);
        m.put("expectedInvestmentProposalYear", p.expectedInvestmentProposalYear);
        m.put("status", p.status);
        m.put("cancellationEffectiveYear", p.cancellationEffectiveYear);
        return m;
    }

    static Map<String, Object> describe(AssessmentEntity a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", a.date);
        m.put("reference", a.reference);
        m.put("followUpOnEffects", a.followUpOnEffects);
        return m;
    }

    static Map<String, Object> describe(TargetEntity t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", t.type);
        m.put("description", t.description);
        m.put("unit", t.unit);
        m.put("direction", t.direction);
        m.put("dueYear", t.dueYear);
        m.put("yearly", ifAny(t.yearly));
        return m;
    }

    /** A plan version as audited, with its lines from the stored version (lines never change). */
    static Map<String, Object> describe(PlanVersionEntity v, PlanVersionEntity stored) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("effectiveFromYear", v.effectiveFromYear);
        for (PlanVersionEntity.Line l : stored == null ? List.<PlanVersionEntity.Line>of() : stored.lines) {
            Map<String, BigDecimal> amounts = new LinkedHashMap<>();
            amounts.put("investment", l.investment);
            amounts.put("operationFunding", l.operationFunding);
            amounts.put("operatingCost", l.operatingCost);
            amounts.put("serviceEfficiency", l.serviceEfficiency);
            amounts.put("transferEffect", l.transferEffect);
            m.put(PLAN_LINE + l.year, new PlanLine(amounts));
        }
        return m;
    }

    static Map<String, Object> describe(LoanEntity l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("principal", l.principal);
        m.put("loanYear", l.loanYear);
        m.put("schedule", l.schedule == null ? null : new TreeMap<>(l.schedule));
        return m;
    }

    static Map<String, Object> describe(ActualEntity a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("investment", a.investment);
        m.put("operationFunding", a.operationFunding);
        m.put("operatingCost", a.operatingCost);
        m.put("serviceEfficiency", a.serviceEfficiency);
        m.put("transferEffect", a.transferEffect);
        m.put("repayment", a.repayment);
        m.put("explanation", a.explanation);
        m.put("kpis", ifAny(a.kpis));
        m.put("milestones", ifAny(a.milestones));
        return m;
    }

    static Map<String, Object> describe(ChangeDecisionEntity d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", d.type);
        m.put("status", d.status);
        m.put("description", d.description);
        m.put("effectiveYear", d.effectiveYear);
        m.put("plan", d.plan == null ? null : new Json(d.plan));
        m.put("schedule", d.schedule == null ? null : new Json(d.schedule));
        m.put("createdBy", d.createdBy);
        m.put("approvedAt", d.approvedAt);
        return m;
    }

    static Map<String, Object> describe(DecisionApprovalEntity a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", a.approvedOn);
        m.put("caseReference", a.caseReference);
        return m;
    }

    /** A copy in the keys' order; null for no map or an empty one. */
    private static <K, V> Map<K, V> ifAny(Map<K, V> values) {
        return values == null || values.isEmpty() ? null : new TreeMap<>(values);
    }
}
