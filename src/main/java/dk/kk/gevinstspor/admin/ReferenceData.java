package dk.kk.gevinstspor.admin;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The reference data: the administrations (forvaltninger) and the committees (fagudvalg), in their order. */
@ApplicationScoped
public class ReferenceData {

    @Inject
    AdministrationRepository administrations;
    @Inject
    CommitteeRepository committees;

    public List<Administration> administrations() {
        return administrations.listInOrder();
    }

    public List<Committee> committees() {
        return committees.listInOrder();
    }
}
