package dk.kk.gevinstspor.demo;

import static dk.kk.gevinstspor.demo.DemoPortfolio.Flag.DIGITAL;
import static dk.kk.gevinstspor.demo.DemoPortfolio.Flag.EMPLOYER_AREA;
import static dk.kk.gevinstspor.demo.DemoPortfolio.Flag.NEW_IT_SYSTEM;
import static dk.kk.gevinstspor.demo.DemoPortfolio.Flag.OTHER_ADMINISTRATIONS;
import static dk.kk.gevinstspor.demo.DemoPortfolio.Flag.PREMISES;
import static dk.kk.gevinstspor.demo.DemoPortfolio.Flag.TRANSFERS;
import static dk.kk.gevinstspor.domain.AdoptionRound.BUDGET;
import static dk.kk.gevinstspor.domain.AdoptionRound.TRANSFER_CASE;
import static dk.kk.gevinstspor.domain.AssessmentType.HR_KREDS;
import static dk.kk.gevinstspor.domain.AssessmentType.KONCERN_IT;
import static dk.kk.gevinstspor.domain.AssessmentType.OEKONOMIKREDS;
import static dk.kk.gevinstspor.domain.AssessmentType.PROPERTY;
import static dk.kk.gevinstspor.domain.Direction.HIGHER_IS_BETTER;
import static dk.kk.gevinstspor.domain.Direction.LOWER_IS_BETTER;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dk.kk.gevinstspor.actuals.ActualJson;
import dk.kk.gevinstspor.domain.AdoptionRound;
import dk.kk.gevinstspor.domain.AssessmentType;
import dk.kk.gevinstspor.domain.Direction;
import dk.kk.gevinstspor.domain.ProposalKind;
import dk.kk.gevinstspor.domain.TargetType;
import dk.kk.gevinstspor.proposal.ProposalJson;

/**
 * A realistic demo portfolio for trials and training (GEVINSTSPOR_DEMO=true): 29 adopted proposals of all seven
 * administrations, adopted 2020–2026 in both rounds, with the actuals the administrations entered up to and
 * including accounts year 2025 (never later, so the portfolio stays valid as the real date moves on).
 * <p>
 * It holds investment proposals (administration-specific and cross-cutting, digital ones, one with effect on
 * transfers, base investments with dependent proposals (one with a permanent loss), one with a payback over six
 * years, two whose effects are not followed up), innovation proposals, administration-specific pre-analyses on loans
 * (two still repaying after their analysis ended) and a cross-cutting pre-analysis. For accounts year
 * 2025 the portfolio shows every follow-up status (GREEN, AMBER, RED, MISSING, NOT_STARTED), proposals fully
 * implemented, and loans that are repaid, on schedule and behind. Amounts are kroner in the proposal's P/L (its
 * adoption year); {@code DemoPortfolioTest} checks that every proposal and every actuals row is accepted.
 */
public final class DemoPortfolio {

    private DemoPortfolio() {
    }

    /** The demo proposals in reference order of adoption: oldest first. */
    public static List<DemoProposal> proposals() {
        List<DemoProposal> all = new ArrayList<>();

        // Softwarerobotter overtager bogføring og afstemning i Koncernservice; fuldt implementeret i 2022.
        all.add(investment("ØKF-2020-01", "Softwarerobotter til bogføring og afstemning i Koncernservice")
                .adopted(BUDGET, 2020).priority(1).flags(DIGITAL, NEW_IT_SYSTEM, EMPLOYER_AREA)
                .assessed(KONCERN_IT, "2019-05-14", "KIT-2019-031")
                .assessed(OEKONOMIKREDS, "2019-06-04", "ØK-2019-06")
                .assessed(HR_KREDS, "2019-06-20", "HR-2019-12")
                .plan(line(2020, 2_000_000, 0, 0, 400_000, 0),
                        line(2021, 500_000, 0, 200_000, 1_200_000, 0),
                        line(2022, 0, 0, 200_000, 1_800_000, 0))
                .actuals(actual(2020, 1_950_000, 0, 0, 390_000, 0),
                        actual(2021, 520_000, 0, 200_000, 1_180_000, 0),
                        actual(2022, 0, 0, 195_000, 1_810_000, 0),
                        actual(2023, 0, 0, 200_000, 1_820_000, 0))
                .build());

        // Digital pladsanvisning til dagtilbud: forældre søger og får tilbud digitalt; fuldt implementeret i 2023.
        all.add(investment("BUF-2020-02", "Digital pladsanvisning")
                .adopted(TRANSFER_CASE, 2020).flags(DIGITAL, NEW_IT_SYSTEM)
                .assessed(KONCERN_IT, "2020-02-11", "KIT-2020-014")
                .assessed(OEKONOMIKREDS, "2020-03-03", "ØK-2020-03")
                .plan(line(2020, 3_000_000, 0, 0, 0, 0),
                        line(2021, 1_000_000, 0, 0, 500_000, 0),
                        line(2022, 0, 0, 0, 1_500_000, 0),
                        line(2023, 0, 0, 0, 2_000_000, 0))
                .milestone("M1", "Løsningen i drift i alle distrikter", 2021)
                .kpi("K1", "Sagsbehandlingstimer sparet pr. år", "timer", HIGHER_IS_BETTER, target(2022, 1200), target(2023, 1600))
                .actuals(actual(2020, 2_900_000, 0, 0, 0, 0),
                        actual(2021, 1_030_000, 0, 0, 480_000, 0).milestone("M1", 2021),
                        actual(2022, 0, 0, 0, 1_520_000, 0).kpi("K1", 1250),
                        actual(2023, 0, 0, 0, 2_010_000, 0).kpi("K1", 1640))
                .build());

        // Åbne biblioteker: selvbetjening uden for bemandet åbningstid; forsinket af covid-19, fuldt implementeret 2023.
        all.add(investment("KFF-2020-03", "Åbne biblioteker med selvbetjening uden for bemandet åbningstid")
                .adopted(BUDGET, 2020).flags(DIGITAL, NEW_IT_SYSTEM, EMPLOYER_AREA)
                .assessed(KONCERN_IT, "2019-04-25", "KIT-2019-022")
                .assessed(OEKONOMIKREDS, "2019-06-04", "ØK-2019-06")
                .assessed(HR_KREDS, "2019-06-20", "HR-2019-13")
                .plan(line(2020, 1_200_000, 0, 0, 0, 0),
                        line(2021, 300_000, 0, 100_000, 600_000, 0),
                        line(2022, 0, 0, 100_000, 900_000, 0))
                .actuals(actual(2020, 1_200_000, 0, 0, 0, 0),
                        actual(2021, 300_000, 0, 100_000, 350_000, 0)
                                .explanation("Nedlukningen under covid-19 forsinkede omlægningen af åbningstiderne; effektiviseringen blev kun delvist realiseret."),
                        actual(2022, 0, 0, 100_000, 850_000, 0)
                                .explanation("De sidste to filialer overgik til åbent bibliotek 1. marts i stedet for 1. januar."),
                        actual(2023, 0, 0, 100_000, 910_000, 0))
                .build());

        // Digitale jobsamtaler og selvbooking i jobcentret; borgerne bruger dem mindre end ventet, og 2023 blev ikke indberettet.
        all.add(investment("BIF-2020-01", "Digitale jobsamtaler og selvbooking i jobcentret")
                .adopted(BUDGET, 2020).flags(DIGITAL)
                .assessed(OEKONOMIKREDS, "2019-06-04", "ØK-2019-06")
                .plan(line(2020, 1_000_000, 0, 0, 0, 0),
                        line(2021, 0, 0, 0, 400_000, 0),
                        line(2022, 0, 0, 0, 600_000, 0))
                .kpi("K1", "Andel af jobsamtaler holdt digitalt", "pct.", HIGHER_IS_BETTER,
                        target(2022, 40), target(2023, 45), target(2024, 50), target(2025, 50))
                .actuals(actual(2020, 1_000_000, 0, 0, 0, 0),
                        actual(2021, 0, 0, 0, 200_000, 0)
                                .explanation("Borgernes brug af digitale samtaler lå under det forventede; informationskampagne iværksat."),
                        actual(2022, 0, 0, 0, 400_000, 0).kpi("K1", 28)
                                .explanation("Mange borgere foretrækker fortsat fysiske samtaler; kun to tredjedele af effektiviseringen er hentet."),
                        actual(2024, 0, 0, 0, 460_000, 0).kpi("K1", 36)
                                .explanation("Andelen af digitale samtaler stiger langsomt; ny plan for udbredelse i alle jobcentre behandles i BIU."),
                        actual(2025, 0, 0, 0, 480_000, 0).kpi("K1", "38.5")
                                .explanation("Effektiviseringen er fortsat under planen; forvaltningen vurderer en ændret målgruppe."))
                .build());

        // Velfærdsteknologi: spiserobotter i plejeboliger, så flere borgere kan spise selv; fuldt implementeret 2024.
        all.add(investment("SUF-2021-01", "Velfærdsteknologi: spiserobotter i plejeboliger")
                .adopted(BUDGET, 2021).priority(3).flags(EMPLOYER_AREA)
                .assessed(HR_KREDS, "2020-06-18", "HR-2020-09")
                .plan(line(2021, 1_800_000, 0, 0, 0, 0),
                        line(2022, 600_000, 0, 150_000, 900_000, 0),
                        line(2023, 0, 0, 200_000, 1_400_000, 0))
                .kpi("K1", "Borgere der spiser selvstændigt med spiserobot", "borgere", HIGHER_IS_BETTER,
                        target(2023, 60), target(2024, 80))
                .actuals(actual(2021, 1_800_000, 0, 0, 0, 0),
                        actual(2022, 600_000, 0, 150_000, 800_000, 0)
                                .explanation("Indkøringen af robotterne tog længere tid end ventet på tre plejehjem."),
                        actual(2023, 0, 0, 200_000, 1_300_000, 0).kpi("K1", 52)
                                .explanation("Færre borgere end forudsat kunne bruge robotten; målgruppen er udvidet fra 2024."),
                        actual(2024, 0, 0, 200_000, 1_500_000, 0).kpi("K1", 82)
                                .explanation("Robotterne er udbredt til to plejehjem ud over planen."),
                        actual(2025, 0, 0, 200_000, 1_450_000, 0))
                .build());

        // Digital medicinhåndtering på botilbud; gevinsten kom langsommere end planlagt, fuldt implementeret 2025.
        all.add(investment("SOF-2021-01", "Digital medicinhåndtering på botilbud")
                .adopted(TRANSFER_CASE, 2021).flags(DIGITAL, NEW_IT_SYSTEM, EMPLOYER_AREA)
                .assessed(KONCERN_IT, "2021-01-19", "KIT-2021-006")
                .assessed(OEKONOMIKREDS, "2021-02-02", "ØK-2021-02")
                .assessed(HR_KREDS, "2021-02-11", "HR-2021-03")
                .plan(line(2021, 1_500_000, 0, 0, 0, 0),
                        line(2022, 500_000, 0, 200_000, 800_000, 0),
                        line(2023, 0, 0, 200_000, 1_200_000, 0))
                .milestone("M1", "Elektronisk medicinmodul i brug på alle botilbud", 2022)
                .actuals(actual(2021, 1_500_000, 0, 0, 0, 0),
                        actual(2022, 500_000, 0, 200_000, 600_000, 0).milestone("M1", 2022)
                                .explanation("Medarbejderne på to botilbud blev oplært et halvt år senere end planlagt."),
                        actual(2023, 0, 0, 200_000, 900_000, 0)
                                .explanation("Dobbeltregistrering på papir fortsatte længere end forudsat."),
                        actual(2024, 0, 0, 200_000, 1_000_000, 0)
                                .explanation("Papirgangen er nedlagt fra 1. maj 2024; fuld effekt fra 2025."),
                        actual(2025, 0, 0, 200_000, 1_200_000, 0))
                .build());

        // Tværgående: fælles digital rekruttering og onboarding for fem forvaltninger; fuldt implementeret 2024.
        all.add(investment("ØKF-2021-02", "Fælles digital rekruttering og onboarding")
                .with("BUF", "SUF", "KFF", "TMF")
                .adopted(BUDGET, 2021).priority(1).flags(DIGITAL, NEW_IT_SYSTEM, EMPLOYER_AREA, OTHER_ADMINISTRATIONS)
                .assessed(KONCERN_IT, "2020-04-28", "KIT-2020-041")
                .assessed(OEKONOMIKREDS, "2020-05-12", "ØK-2020-05")
                .assessed(HR_KREDS, "2020-05-20", "HR-2020-07")
                .plan(line(2021, 2_500_000, 0, 0, 0, 0),
                        line(2022, 1_000_000, 300_000, 300_000, 1_000_000, 0),
                        line(2023, 0, 0, 300_000, 1_800_000, 0),
                        line(2024, 0, 0, 300_000, 2_200_000, 0))
                .actuals(actual(2021, 2_400_000, 0, 0, 0, 0),
                        actual(2022, 1_000_000, 300_000, 300_000, 950_000, 0),
                        actual(2023, 0, 0, 300_000, 1_700_000, 0)
                                .explanation("Systemet blev taget i brug i TMF et kvartal senere end planlagt."),
                        actual(2024, 0, 0, 300_000, 2_150_000, 0),
                        actual(2025, 0, 0, 300_000, 2_200_000, 0))
                .build());

        // Tværgående: energistyring med fjernaflæste målere i kommunale bygninger; fuldt implementeret 2025.
        all.add(investment("TMF-2022-01", "Energistyring i kommunale bygninger")
                .with("ØKF", "BUF", "SUF", "KFF")
                .adopted(BUDGET, 2022).flags(DIGITAL, NEW_IT_SYSTEM, OTHER_ADMINISTRATIONS)
                .assessed(KONCERN_IT, "2021-05-06", "KIT-2021-052")
                .assessed(OEKONOMIKREDS, "2021-06-01", "ØK-2021-06")
                .plan(line(2022, 4_000_000, 0, 0, 0, 0),
                        line(2023, 2_000_000, 0, 300_000, 1_200_000, 0),
                        line(2024, 0, 0, 400_000, 2_400_000, 0),
                        line(2025, 0, 0, 400_000, 2_800_000, 0))
                .kpi("K1", "Energiforbrug i de omfattede bygninger", "MWh", LOWER_IS_BETTER,
                        target(2024, 41_000), target(2025, 39_500))
                .actuals(actual(2022, 3_600_000, 0, 0, 0, 0)
                                .explanation("Udbuddet af fjernaflæste målere blev forsinket; 0,4 mio. kr. er forskudt til 2023."),
                        actual(2023, 2_400_000, 0, 300_000, 1_200_000, 0)
                                .explanation("Målerinstallationer forskudt fra 2022."),
                        actual(2024, 0, 0, 400_000, 2_300_000, 0).kpi("K1", 41_500),
                        actual(2025, 0, 0, 400_000, 2_700_000, 0).kpi("K1", 39_800))
                .build());

        // Foranalyse (lån): digital parkeringskontrol med scanbiler; lånet er tilbagebetalt i 2025.
        all.add(preAnalysis("TMF-2022-02", "Foranalyse: digital parkeringskontrol med scanbiler")
                .adopted(TRANSFER_CASE, 2022).flags(DIGITAL).expectedInvestmentProposal(2023)
                .plan(line(2022, 800_000, 0, 0, 0, 0))
                .milestone("M1", "Foranalyse og businesscase afleveret", 2022)
                .loan(800_000, 2022, repay(2023, 200_000), repay(2024, 300_000), repay(2025, 300_000))
                .actuals(actual(2022, 800_000, 0, 0, 0, 0).milestone("M1", 2022),
                        actual(2023, 0, 0, 0, 0, 0).repayment(200_000),
                        actual(2024, 0, 0, 0, 0, 0).repayment(300_000),
                        actual(2025, 0, 0, 0, 0, 0).repayment(300_000))
                .build());

        // Automatisering af ydelsessagsbehandling med softwarerobotter; dyrere og langsommere end planlagt.
        all.add(investment("BIF-2022-01", "Automatisering af ydelsessagsbehandling")
                .adopted(TRANSFER_CASE, 2022).priority(1).flags(DIGITAL, NEW_IT_SYSTEM, EMPLOYER_AREA)
                .assessed(KONCERN_IT, "2022-01-25", "KIT-2022-009")
                .assessed(OEKONOMIKREDS, "2022-02-08", "ØK-2022-02")
                .assessed(HR_KREDS, "2022-02-17", "HR-2022-04")
                .plan(line(2022, 2_400_000, 0, 0, 0, 0),
                        line(2023, 600_000, 0, 0, 800_000, 0),
                        line(2024, 0, 0, 250_000, 1_600_000, 0),
                        line(2025, 0, 0, 250_000, 1_900_000, 0))
                .actuals(actual(2022, 2_400_000, 0, 0, 0, 0),
                        actual(2023, 900_000, 0, 0, 500_000, 0)
                                .explanation("Ekstra integration til fagsystemet; robotterne kom i drift fire måneder senere end planlagt."),
                        actual(2024, 0, 0, 250_000, 1_450_000, 0)
                                .explanation("Robotterne håndterer endnu ikke sager med udenlandsk indkomst."),
                        actual(2025, 0, 0, 250_000, 1_750_000, 0)
                                .explanation("Restgruppen af sager behandles fortsat manuelt; ny robot planlagt i 2026."))
                .build());

        // LED-belysning i idrætshaller og svømmehaller; tilbagebetalingstid over 6 år, prioriteret særskilt af ØU.
        all.add(investment("KFF-2022-02", "LED-belysning i idrætshaller og svømmehaller")
                .adopted(BUDGET, 2022)
                .plan(line(2022, 5_000_000, 0, 0, 0, 0),
                        line(2023, 0, 0, 0, 600_000, 0),
                        line(2024, 0, 0, 0, 700_000, 0))
                .actuals(actual(2022, 5_150_000, 0, 0, 0, 0),
                        actual(2023, 0, 0, 0, 580_000, 0),
                        actual(2024, 0, 0, 0, 640_000, 0)
                                .explanation("To svømmehaller var lukket en del af året på grund af renovering; lavere elbesparelse."),
                        actual(2025, 0, 0, 0, 700_000, 0))
                .build());

        // Grundinvestering: fælles dataplatform til ledelsesinformation, forudsætning for senere forslag.
        all.add(investment("ØKF-2023-01", "Grundinvestering: fælles dataplatform til ledelsesinformation")
                .adopted(BUDGET, 2023).flags(DIGITAL, NEW_IT_SYSTEM, OTHER_ADMINISTRATIONS)
                .baseInvestment("BUF-2026-02 Automatiseret ledelsesinformation på dagtilbudsområdet",
                        "Prognosemodel for visitation i hjemmeplejen (SUF, forventes i budget 2027)")
                .assessed(KONCERN_IT, "2022-04-21", "KIT-2022-038")
                .assessed(OEKONOMIKREDS, "2022-05-03", "ØK-2022-05")
                .plan(line(2023, 3_000_000, 0, 0, 0, 0),
                        line(2024, 1_500_000, 400_000, 400_000, 600_000, 0),
                        line(2025, 0, 400_000, 400_000, 900_000, 0),
                        line(2026, 0, 0, 400_000, 900_000, 0))
                .milestone("M1", "Dataplatformen i drift med de første datakilder", 2024)
                .actuals(actual(2023, 2_900_000, 0, 0, 0, 0),
                        actual(2024, 1_500_000, 400_000, 400_000, 600_000, 0).milestone("M1", 2024),
                        actual(2025, 0, 400_000, 400_000, 880_000, 0))
                .build());

        // Effekt på overførsler: virksomhedsrettet indsats for sygedagpengemodtagere (vurderet af analyseenheden).
        all.add(investment("BIF-2023-02", "Virksomhedsrettet indsats for sygedagpengemodtagere")
                .adopted(TRANSFER_CASE, 2023).priority(4).flags(TRANSFERS)
                .analysisUnit("2023-03-08", "VA-2023-04", true)
                .plan(line(2023, 1_500_000, 0, 0, 0, 500_000),
                        line(2024, 1_000_000, 800_000, 800_000, 200_000, 1_800_000),
                        line(2025, 0, 0, 800_000, 200_000, 2_400_000))
                .kpi("K1", "Andel sygemeldte i job eller uddannelse efter 26 uger", "pct.", HIGHER_IS_BETTER,
                        target(2024, 40), target(2025, 45))
                .actuals(actual(2023, 1_500_000, 0, 0, 0, 450_000)
                                .explanation("Indsatsen startede i april i stedet for januar; færre forløb i 2023."),
                        actual(2024, 1_000_000, 800_000, 800_000, 200_000, 1_700_000).kpi("K1", 38)
                                .explanation("Færre sygemeldte i målgruppen end forudsat; effekten pr. forløb svarer til planen."),
                        actual(2025, 0, 0, 800_000, 200_000, 2_350_000).kpi("K1", 44))
                .build());

        // Effekter følges ikke op (kriterium 13): mentorforløb for unge ledige; analyseenheden følger kun implementering og
        // udgifter, så den lavere effekt på overførsler kræver ingen forklaring. Fuldt implementeret i 2024.
        all.add(investment("BIF-2023-03", "Mentorforløb for unge ledige uden uddannelse")
                .adopted(BUDGET, 2023).priority(4).flags(TRANSFERS)
                .analysisUnit("2022-04-26", "VA-2022-07", false)
                .plan(line(2023, 600_000, 0, 300_000, 0, 800_000),
                        line(2024, 0, 0, 300_000, 0, 1_000_000))
                .actuals(actual(2023, 600_000, 0, 300_000, 0, 450_000),
                        actual(2024, 0, 0, 300_000, 0, 600_000),
                        actual(2025, 0, 0, 300_000, 0, 650_000))
                .build());

        // Grundinvestering med varigt tab: velfærdsteknologisk testlab, som senere forslag bygger på; laboratoriets drift
        // koster 150.000 kr. om året uden egen effektivisering (g(P) < 0). Fuldt implementeret i 2025.
        all.add(investment("SUF-2024-02", "Grundinvestering: velfærdsteknologisk testlab")
                .adopted(TRANSFER_CASE, 2024)
                .baseInvestment("SUF-2026-03 Automatisk medicindispensering i hjemmeplejen (forventes i budget 2027)")
                .plan(line(2024, 1_500_000, 0, 0, 0, 0),
                        line(2025, 0, 0, 150_000, 0, 0))
                .actuals(actual(2024, 1_480_000, 0, 0, 0, 0),
                        actual(2025, 0, 0, 155_000, 0, 0))
                .build());

        // Foranalyse (lån): digital booking af kulturhusenes lokaler; analysen sluttede i 2023, lånet afdrages til 2026.
        all.add(preAnalysis("KFF-2023-03", "Foranalyse: digital booking af kulturhusenes lokaler")
                .adopted(TRANSFER_CASE, 2023).flags(DIGITAL).expectedInvestmentProposal(2025)
                .plan(line(2023, 600_000, 0, 0, 0, 0))
                .milestone("M1", "Foranalyse afsluttet med anbefaling", 2023)
                .loan(600_000, 2023, repay(2024, 200_000), repay(2025, 200_000), repay(2026, 200_000))
                .actuals(actual(2023, 600_000, 0, 0, 0, 0).milestone("M1", 2023),
                        actual(2024, 0, 0, 0, 0, 0).repayment(200_000),
                        actual(2025, 0, 0, 0, 0, 0).repayment(200_000))
                .build());

        // Innovationsforslag: pilot med sensorbaseret nattilsyn; evalueringen er forsinket og 2025 er ikke indberettet.
        all.add(innovation("SUF-2023-02", "Pilot: sensorbaseret nattilsyn i plejeboliger")
                .adopted(TRANSFER_CASE, 2023).flags(DIGITAL, NEW_IT_SYSTEM).expectedInvestmentProposal(2026)
                .assessed(KONCERN_IT, "2023-02-14", "KIT-2023-017")
                .plan(line(2023, 900_000, 0, 0, 0, 0),
                        line(2024, 700_000, 200_000, 0, 0, 0))
                .milestone("M1", "Sensorer i drift på to plejehjem", 2023)
                .milestone("M2", "Evaluering og tentativ businesscase afleveret", 2024)
                .actuals(actual(2023, 900_000, 0, 0, 0, 0).milestone("M1", 2023),
                        actual(2024, 650_000, 200_000, 0, 0, 0)
                                .explanation("Leverandøren leverede færre sensorer end aftalt; evalueringen er udskudt til 2025."))
                .build());

        // Foranalyse (lån): digital understøttelse af visitation på socialområdet; afdrag efter planen.
        all.add(preAnalysis("SOF-2023-03", "Foranalyse: digital understøttelse af visitation på socialområdet")
                .adopted(BUDGET, 2023).flags(DIGITAL).expectedInvestmentProposal(2025)
                .plan(line(2023, 500_000, 0, 0, 0, 0),
                        line(2024, 400_000, 0, 0, 0, 0))
                .milestone("M1", "Foranalyse afsluttet med anbefaling", 2024)
                .loan(900_000, 2023, repay(2025, 300_000), repay(2026, 300_000), repay(2027, 300_000))
                .actuals(actual(2023, 350_000, 0, 0, 0, 0)
                                .explanation("Rekrutteringen af projektleder blev forsinket; arbejdet er forskudt til 2024."),
                        actual(2024, 550_000, 0, 0, 0, 0).milestone("M1", 2024)
                                .explanation("Arbejde forskudt fra 2023."),
                        actual(2025, 0, 0, 0, 0, 0).repayment(300_000))
                .build());

        // Samling af PPR's kontorer på færre adresser (ændret m²-behov); ombygningen blev dyrere end ventet.
        all.add(investment("BUF-2023-02", "Samling af PPR's kontorer på færre adresser")
                .adopted(BUDGET, 2023).flags(PREMISES)
                .assessed(PROPERTY, "2022-05-10", "KEJD-2022-118")
                .plan(line(2023, 2_200_000, 0, 0, 0, 0),
                        line(2024, 800_000, 0, 0, 700_000, 0),
                        line(2025, 0, 0, 0, 1_100_000, 0))
                .actuals(actual(2023, 2_200_000, 0, 0, 0, 0),
                        actual(2024, 1_200_000, 0, 0, 500_000, 0)
                                .explanation("Uforudsete udgifter til ventilation; fraflytningen af lejemål blev forskudt tre måneder."),
                        actual(2025, 0, 0, 0, 1_000_000, 0)
                                .explanation("Det sidste lejemål kunne først opsiges pr. 1. april 2025."))
                .build());

        // Digital byggesagsbehandling med automatisk forhåndsscreening af ansøgninger.
        all.add(investment("TMF-2023-01", "Digital byggesagsbehandling med automatisk forhåndsscreening")
                .adopted(BUDGET, 2023).flags(DIGITAL, NEW_IT_SYSTEM, OTHER_ADMINISTRATIONS)
                .assessed(KONCERN_IT, "2022-03-29", "KIT-2022-027")
                .assessed(OEKONOMIKREDS, "2022-05-03", "ØK-2022-05")
                .plan(line(2023, 2_000_000, 0, 0, 0, 0),
                        line(2024, 1_000_000, 0, 200_000, 900_000, 0),
                        line(2025, 0, 0, 200_000, 1_600_000, 0),
                        line(2026, 0, 0, 200_000, 1_800_000, 0))
                .kpi("K1", "Gennemsnitlig sagsbehandlingstid for byggesager", "dage", LOWER_IS_BETTER,
                        target(2024, 60), target(2025, 45), target(2026, 40))
                .actuals(actual(2023, 2_000_000, 0, 0, 0, 0),
                        actual(2024, 1_000_000, 0, 200_000, 900_000, 0).kpi("K1", 58),
                        actual(2025, 0, 0, 200_000, 1_580_000, 0).kpi("K1", 44))
                .build());

        // Tværgående foranalyse (tilskud): AI-understøttet journalisering i fire forvaltninger.
        all.add(preAnalysis("ØKF-2024-01", "Foranalyse: AI-understøttet journalisering")
                .with("SOF", "BIF", "BUF")
                .adopted(TRANSFER_CASE, 2024).flags(DIGITAL).expectedInvestmentProposal(2026)
                .plan(line(2024, 700_000, 0, 0, 0, 0),
                        line(2025, 200_000, 0, 0, 0, 0))
                .milestone("M1", "Foranalyse afrapporteret til Økonomikredsen", 2025)
                .actuals(actual(2024, 650_000, 0, 0, 0, 0)
                                .explanation("Den juridiske afklaring af databehandlingen flyttede arbejde til 2025."),
                        actual(2025, 250_000, 0, 0, 0, 0).milestone("M1", 2025)
                                .explanation("Arbejde forskudt fra 2024."))
                .build());

        // Foranalyse (lån): automatisk skemalægning i folkeskolen; forsinket, og afdraget for 2025 mangler.
        all.add(preAnalysis("BUF-2024-04", "Foranalyse: automatisk skemalægning i folkeskolen")
                .adopted(TRANSFER_CASE, 2024).flags(DIGITAL).expectedInvestmentProposal(2026)
                .plan(line(2024, 450_000, 0, 0, 0, 0),
                        line(2025, 300_000, 0, 0, 0, 0))
                .milestone("M1", "Foranalyse afsluttet med anbefaling af løsning", 2025)
                .loan(750_000, 2024, repay(2025, 150_000), repay(2026, 300_000), repay(2027, 300_000))
                .actuals(actual(2024, 450_000, 0, 0, 0, 0),
                        actual(2025, 300_000, 0, 0, 0, 0)
                                .explanation("Foranalysen er forsinket af skoleårets planlægning; afdraget for 2025 er udskudt til 2026."))
                .build());

        // Tværgående: fælles chatbot og digital selvbetjening i Borgerservice og fire forvaltninger.
        all.add(investment("KFF-2024-01", "Fælles chatbot og digital selvbetjening i Borgerservice")
                .with("ØKF", "BIF", "SOF", "TMF")
                .adopted(TRANSFER_CASE, 2024).flags(DIGITAL, NEW_IT_SYSTEM, EMPLOYER_AREA, OTHER_ADMINISTRATIONS)
                .assessed(KONCERN_IT, "2024-01-16", "KIT-2024-004")
                .assessed(OEKONOMIKREDS, "2024-02-06", "ØK-2024-02")
                .assessed(HR_KREDS, "2024-02-15", "HR-2024-02")
                .plan(line(2024, 1_600_000, 0, 0, 0, 0),
                        line(2025, 400_000, 0, 250_000, 900_000, 0),
                        line(2026, 0, 0, 250_000, 1_400_000, 0))
                .milestone("M1", "Chatbot i drift i alle deltagende forvaltninger", 2025)
                .actuals(actual(2024, 1_600_000, 0, 0, 0, 0),
                        actual(2025, 400_000, 0, 250_000, 850_000, 0).milestone("M1", 2025)
                                .explanation("Chatbotten kom i drift i BIF og SOF to måneder senere end planlagt."))
                .build());

        // Skærmbesøg og digital medicinpåmindelse i hjemmeplejen.
        all.add(investment("SUF-2024-01", "Skærmbesøg og digital medicinpåmindelse i hjemmeplejen")
                .adopted(BUDGET, 2024).priority(3).flags(DIGITAL)
                .assessed(OEKONOMIKREDS, "2023-05-09", "ØK-2023-05")
                .plan(line(2024, 1_400_000, 0, 0, 0, 0),
                        line(2025, 300_000, 0, 0, 700_000, 0),
                        line(2026, 0, 0, 100_000, 1_100_000, 0))
                .kpi("K1", "Skærmbesøg pr. uge", "besøg", HIGHER_IS_BETTER, target(2025, 1500), target(2026, 2200))
                .actuals(actual(2024, 1_400_000, 0, 0, 0, 0),
                        actual(2025, 300_000, 0, 0, 720_000, 0).kpi("K1", 1620))
                .build());

        // Effekt på overførsler: Housing First; analyseenheden følger kun implementering og udgifter (kriterium 13).
        all.add(investment("SOF-2025-02", "Housing First: bostøtte til borgere i hjemløshed")
                .adopted(TRANSFER_CASE, 2025).priority(4).flags(TRANSFERS)
                .analysisUnit("2025-03-04", "VA-2025-02", false)
                .plan(line(2025, 800_000, 1_200_000, 1_200_000, 0, 0),
                        line(2026, 0, 600_000, 1_200_000, 0, 1_500_000),
                        line(2027, 0, 0, 1_200_000, 0, 2_400_000))
                .milestone("M1", "30 borgere i egen bolig med bostøtte", 2025)
                .actuals(actual(2025, 750_000, 1_200_000, 1_200_000, 0, 0).milestone("M1", 2025)
                        .explanation("Færre boliger anvist i første halvår; opstartsudgifterne blev lavere end planlagt."))
                .build());

        // Innovationsforslag: digital booking og adgangskontrol i idrætshaller; annulleret med virkning fra 2025
        // (DemoData.CANCELLED: 450.000 tilbage til kassen).
        all.add(innovation("KFF-2025-01", "Pilot: digital booking og adgangskontrol i idrætshaller")
                .adopted(BUDGET, 2025).flags(DIGITAL, NEW_IT_SYSTEM).expectedInvestmentProposal(2027)
                .assessed(KONCERN_IT, "2024-05-21", "KIT-2024-049")
                .plan(line(2025, 1_200_000, 0, 0, 0, 0),
                        line(2026, 400_000, 0, 0, 0, 0))
                .milestone("M1", "Booking og adgangskontrol i pilotdrift i tre haller", 2025)
                .milestone("M2", "Evaluering og businesscase afleveret", 2026)
                .actuals(actual(2025, 1_150_000, 0, 0, 0, 0).milestone("M1", 2025))
                .build());

        // Tværgående: AI-understøttet journalisering, udmøntet på baggrund af foranalysen ØKF-2024-01.
        all.add(investment("ØKF-2026-01", "AI-understøttet journalisering")
                .with("SOF", "BIF", "BUF")
                .adopted(BUDGET, 2026).priority(1).flags(DIGITAL, NEW_IT_SYSTEM, EMPLOYER_AREA, OTHER_ADMINISTRATIONS)
                .assessed(KONCERN_IT, "2025-04-08", "KIT-2025-033")
                .assessed(OEKONOMIKREDS, "2025-05-06", "ØK-2025-05")
                .assessed(HR_KREDS, "2025-05-15", "HR-2025-06")
                .plan(line(2026, 3_500_000, 0, 600_000, 800_000, 0),
                        line(2027, 1_000_000, 0, 900_000, 3_000_000, 0),
                        line(2028, 0, 0, 900_000, 4_500_000, 0))
                .milestone("M1", "Løsningen i drift i alle fire forvaltninger", 2027)
                .build());

        // Innovationsforslag: AI-baseret registrering af vejskader med kameraer på skraldebiler.
        all.add(innovation("TMF-2026-01", "Pilot: AI-baseret registrering af vejskader fra skraldebiler")
                .adopted(TRANSFER_CASE, 2026).flags(DIGITAL, NEW_IT_SYSTEM).expectedInvestmentProposal(2028)
                .assessed(KONCERN_IT, "2026-01-20", "KIT-2026-005")
                .plan(line(2026, 1_100_000, 0, 0, 0, 0),
                        line(2027, 500_000, 0, 0, 0, 0))
                .milestone("M1", "Kameraer monteret på 20 skraldebiler", 2026)
                .build());

        // Automatiseret ledelsesinformation på dagtilbudsområdet, bygget på ØKF's dataplatform (ØKF-2023-01).
        all.add(investment("BUF-2026-02", "Automatiseret ledelsesinformation på dagtilbudsområdet")
                .adopted(BUDGET, 2026).flags(DIGITAL)
                .assessed(OEKONOMIKREDS, "2025-05-06", "ØK-2025-05")
                .plan(line(2026, 1_200_000, 0, 0, 0, 0),
                        line(2027, 300_000, 0, 0, 600_000, 0),
                        line(2028, 0, 0, 0, 900_000, 0))
                .build());

        return List.copyOf(all);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static Demo investment(String reference, String title) {
        return new Demo(reference, title, ProposalKind.INVESTMENT).priority(2);
    }

    private static Demo innovation(String reference, String title) {
        return new Demo(reference, title, ProposalKind.INNOVATION);
    }

    private static Demo preAnalysis(String reference, String title) {
        return new Demo(reference, title, ProposalKind.PRE_ANALYSIS);
    }

    /** One plan year, in whole kroner. */
    private static ProposalJson.PlanLine line(int year, long investment, long operationFunding, long operatingCost,
                                              long serviceEfficiency, long transferEffect) {
        return new ProposalJson.PlanLine(year, kr(investment), kr(operationFunding), kr(operatingCost),
                kr(serviceEfficiency), kr(transferEffect));
    }

    /** One year's actuals, in whole kroner; repayment, KPI values, milestones and explanation are added to it. */
    private static Actual actual(int year, long investment, long operationFunding, long operatingCost,
                                 long serviceEfficiency, long transferEffect) {
        return new Actual(year, kr(investment), kr(operationFunding), kr(operatingCost), kr(serviceEfficiency),
                kr(transferEffect));
    }

    private static ProposalJson.KpiYear target(int year, long target) {
        return new ProposalJson.KpiYear(year, BigDecimal.valueOf(target));
    }

    private static ProposalJson.Repayment repay(int year, long amount) {
        return new ProposalJson.Repayment(year, kr(amount));
    }

    private static BigDecimal kr(long kroner) {
        return BigDecimal.valueOf(kroner);
    }

    /** One year's actuals being written. */
    private static final class Actual {
        private final int year;
        private final BigDecimal investment;
        private final BigDecimal operationFunding;
        private final BigDecimal operatingCost;
        private final BigDecimal serviceEfficiency;
        private final BigDecimal transferEffect;
        private BigDecimal repayment = BigDecimal.ZERO;
        private final Map<String, BigDecimal> kpis = new LinkedHashMap<>();
        private final Map<String, Integer> milestones = new LinkedHashMap<>();
        private String explanation;

        private Actual(int year, BigDecimal investment, BigDecimal operationFunding, BigDecimal operatingCost,
                       BigDecimal serviceEfficiency, BigDecimal transferEffect) {
            this.year = year;
            this.investment = investment;
            this.operationFunding = operationFunding;
            this.operatingCost = operatingCost;
            this.serviceEfficiency = serviceEfficiency;
            this.transferEffect = transferEffect;
        }

        Actual repayment(long amount) {
            repayment = kr(amount);
            return this;
        }

        Actual kpi(String code, long value) {
            kpis.put(code, BigDecimal.valueOf(value));
            return this;
        }

        Actual kpi(String code, String value) {
            kpis.put(code, new BigDecimal(value));
            return this;
        }

        Actual milestone(String code, int achievedYear) {
            milestones.put(code, achievedYear);
            return this;
        }

        Actual explanation(String text) {
            explanation = text;
            return this;
        }

        ActualJson toJson() {
            return new ActualJson(year, investment, operationFunding, operatingCost, serviceEfficiency, transferEffect,
                    repayment, Map.copyOf(kpis), Map.copyOf(milestones), explanation, null);
        }
    }

    /**
     * A proposal request being written, with the defaults of a plain administration-specific proposal: the lead
     * administration is the reference's prefix, the price level is the adoption year, no flags, and an
     * investment proposal gets the economic target {@code EFF} (criterion 5).
     */
    /** The yes/no facts of a proposal request (criteria 3, 9-12 of the seed). */
    enum Flag {
        DIGITAL, TRANSFERS, EMPLOYER_AREA, PREMISES, NEW_IT_SYSTEM, OTHER_ADMINISTRATIONS
    }

    private static final class Demo {
        private final String reference;
        private final String title;
        private final ProposalKind kind;
        private final String lead;
        private final List<String> administrations = new ArrayList<>();
        private AdoptionRound round = BUDGET;
        private int adoptionYear;
        private Integer priorityClass;
        private final Set<Flag> flags = EnumSet.noneOf(Flag.class);
        private boolean baseInvestment;
        private final List<String> dependentProposals = new ArrayList<>();
        private Integer expectedInvestmentProposalYear;
        private final List<ProposalJson.Assessment> assessments = new ArrayList<>();
        private final List<ProposalJson.PlanLine> plan = new ArrayList<>();
        private final List<ProposalJson.Target> targets = new ArrayList<>();
        private ProposalJson.Loan loan;
        private final List<ActualJson> actuals = new ArrayList<>();

        private Demo(String reference, String title, ProposalKind kind) {
            this.reference = reference;
            this.title = title;
            this.kind = kind;
            this.lead = reference.substring(0, reference.indexOf('-'));
            this.administrations.add(lead);
            if (kind == ProposalKind.INVESTMENT) {
                targets.add(new ProposalJson.Target("EFF", TargetType.ECONOMIC, null, null, null, null, null));
            }
        }

        /** The other administrations taking part (three or more in all make the proposal cross-cutting). */
        Demo with(String... others) {
            administrations.addAll(List.of(others));
            return this;
        }

        Demo adopted(AdoptionRound adoptionRound, int year) {
            round = adoptionRound;
            adoptionYear = year;
            return this;
        }

        Demo priority(int number) {
            priorityClass = number;
            return this;
        }

        Demo flags(Flag... set) {
            flags.addAll(List.of(set));
            return this;
        }

        Demo baseInvestment(String... dependents) {
            baseInvestment = true;
            dependentProposals.addAll(List.of(dependents));
            return this;
        }

        Demo expectedInvestmentProposal(int year) {
            expectedInvestmentProposalYear = year;
            return this;
        }

        Demo assessed(AssessmentType type, String date, String assessmentReference) {
            assessments.add(new ProposalJson.Assessment(type, LocalDate.parse(date), assessmentReference, null));
            return this;
        }

        /** The analysis unit's assessment (criterion 13); {@code followUpOnEffects} false: only implementation and costs. */
        Demo analysisUnit(String date, String assessmentReference, boolean followUpOnEffects) {
            assessments.add(new ProposalJson.Assessment(AssessmentType.ANALYSIS_UNIT, LocalDate.parse(date),
                    assessmentReference, followUpOnEffects));
            return this;
        }

        Demo plan(ProposalJson.PlanLine... lines) {
            plan.addAll(List.of(lines));
            return this;
        }

        Demo milestone(String code, String description, int dueYear) {
            targets.add(new ProposalJson.Target(code, TargetType.MILESTONE, description, null, null, dueYear, null));
            return this;
        }

        Demo kpi(String code, String description, String unit, Direction direction, ProposalJson.KpiYear... yearly) {
            targets.add(new ProposalJson.Target(code, TargetType.KPI, description, unit, direction, null, List.of(yearly)));
            return this;
        }

        Demo loan(long principal, int loanYear, ProposalJson.Repayment... schedule) {
            loan = new ProposalJson.Loan(kr(principal), loanYear, List.of(schedule));
            return this;
        }

        Demo actuals(Actual... rows) {
            for (Actual row : rows) {
                actuals.add(row.toJson());
            }
            return this;
        }

        DemoProposal build() {
            ProposalJson.Request request = new ProposalJson.Request(reference, title, kind, lead,
                    List.copyOf(administrations), round, adoptionYear, adoptionYear, priorityClass,
                    flags.contains(Flag.DIGITAL), baseInvestment, List.copyOf(dependentProposals), flags.contains(Flag.TRANSFERS),
                    flags.contains(Flag.EMPLOYER_AREA), flags.contains(Flag.PREMISES), flags.contains(Flag.NEW_IT_SYSTEM),
                    flags.contains(Flag.OTHER_ADMINISTRATIONS), expectedInvestmentProposalYear,
                    List.copyOf(assessments), List.copyOf(plan), List.copyOf(targets), loan, null);
            return new DemoProposal(request, actuals);
        }
    }
}
