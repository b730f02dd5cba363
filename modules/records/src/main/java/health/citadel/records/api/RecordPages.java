package health.citadel.records.api;

import health.citadel.records.web.pages.BreakGlassPage;
import health.citadel.records.web.pages.ChartEntryPage;
import health.citadel.records.web.pages.ChartPage;
import health.citadel.records.web.pages.DemographicsPage;
import health.citadel.records.web.pages.KeyRotationPage;
import health.citadel.records.web.pages.MyChartPage;
import health.citadel.records.web.pages.MyPatientsPage;
import health.citadel.records.web.pages.PatientHistoryPage;
import health.citadel.records.web.pages.PatientRegistrationPage;
import health.citadel.records.web.pages.PatientSearchPage;
import health.citadel.records.web.pages.RestrictionPage;
import health.citadel.records.web.pages.RevealPage;
import java.util.Set;

/** The portal's pages of the patient register, the chart and its keys, for the portal application to serve. */
public final class RecordPages {

    private RecordPages() {
    }

    public static Set<Class<?>> resources() {
        return Set.of(PatientSearchPage.class, MyChartPage.class, MyPatientsPage.class, ChartPage.class,
                ChartEntryPage.class, PatientHistoryPage.class, RevealPage.class, BreakGlassPage.class,
                PatientRegistrationPage.class, DemographicsPage.class, RestrictionPage.class, KeyRotationPage.class);
    }
}
