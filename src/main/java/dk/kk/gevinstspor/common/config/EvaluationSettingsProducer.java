package dk.kk.gevinstspor.common.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dk.kk.gevinstspor.domain.EvaluationSettings;
import dk.kk.gevinstspor.domain.Evaluator;

/** The domain's evaluation settings and evaluator, made from configuration once. */
@ApplicationScoped
public class EvaluationSettingsProducer {

    @Produces
    @Singleton
    EvaluationSettings settings(GevinstsporConfig config) {
        GevinstsporConfig.Evaluation e = config.evaluation();
        return new EvaluationSettings(e.redRealisationBelow(), e.amberRealisationBelow(), e.redSpendRatioAbove(),
                e.amberSpendRatioAbove(), e.redMilestoneOverdueYears(), e.tolerance());
    }

    @Produces
    @Singleton
    Evaluator evaluator(EvaluationSettings settings) {
        return new Evaluator(settings);
    }
}
