package health.citadel.audit.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The rules' thresholds, from MicroProfile Config (e.g. CITADEL_AUDIT_RULE_REPEATED_DENIALS_MAX). */
@ApplicationScoped
class AlertRuleSettings {

    @Inject
    @ConfigProperty(name = "citadel.audit.rule.many-patients.max", defaultValue = "50")
    int manyPatients;

    @Inject
    @ConfigProperty(name = "citadel.audit.rule.many-patients.window-minutes", defaultValue = "60")
    int manyPatientsWindow;

    @Inject
    @ConfigProperty(name = "citadel.audit.rule.repeated-denials.max", defaultValue = "5")
    int denials;

    @Inject
    @ConfigProperty(name = "citadel.audit.rule.repeated-denials.window-minutes", defaultValue = "10")
    int denialsWindow;

    @Inject
    @ConfigProperty(name = "citadel.audit.rule.bulk-export.max", defaultValue = "3")
    int exports;

    @Inject
    @ConfigProperty(name = "citadel.audit.rule.bulk-export.window-minutes", defaultValue = "60")
    int exportsWindow;

    @Inject
    @ConfigProperty(name = "citadel.audit.rule.working-hours.start", defaultValue = "07:00")
    String workStart;

    @Inject
    @ConfigProperty(name = "citadel.audit.rule.working-hours.end", defaultValue = "19:00")
    String workEnd;

    @Inject
    @ConfigProperty(name = "citadel.audit.rule.working-hours.days",
            defaultValue = "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY")
    String workDays;

    @Inject
    @ConfigProperty(name = "citadel.audit.rule.working-hours.zone", defaultValue = "UTC")
    String workZone;

    @Produces
    @Singleton
    List<AlertRule> rules() {
        return List.of(
                new AlertRules.ManyPatients(manyPatients, Duration.ofMinutes(manyPatientsWindow)),
                new AlertRules.RepeatedDenials(denials, Duration.ofMinutes(denialsWindow)),
                AlertRules.BREAK_THE_GLASS,
                new AlertRules.RestrictedPatient(),
                AlertRules.RESTRICTION_CLEARED,
                new AlertRules.BulkExport(exports, Duration.ofMinutes(exportsWindow)),
                new AlertRules.OutsideWorkingHours(LocalTime.parse(workStart), LocalTime.parse(workEnd),
                        AlertRules.OutsideWorkingHours.parseDays(workDays), ZoneId.of(workZone)));
    }
}
