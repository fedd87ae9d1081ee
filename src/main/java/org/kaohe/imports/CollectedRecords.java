package org.kaohe.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kaohe.records.Appraisal;
import org.kaohe.records.Cadre;
import org.kaohe.records.Department;
import org.kaohe.records.Event;
import org.kaohe.records.ItemRegistry;
import org.kaohe.records.Organization;
import org.kaohe.records.Period;
import org.kaohe.records.Target;

/** The in-memory sink of {@link ImportParser#parse(Map, Period, ItemRegistry, ImportParser.MissingFiles)}. */
final class CollectedRecords implements RecordSink {

    final List<Department> departments = new ArrayList<>();
    final List<Cadre> cadres = new ArrayList<>();
    final List<Target> targets = new ArrayList<>();
    final List<Appraisal> appraisals = new ArrayList<>();
    final List<Event> events = new ArrayList<>();
    final List<Organization> organizations = new ArrayList<>();
    final Map<String, String> contents = new LinkedHashMap<>();

    @Override public void department(Department d) { departments.add(d); }
    @Override public void cadre(Cadre c) { cadres.add(c); }
    @Override public void target(Target t) { targets.add(t); }
    @Override public void appraisal(Appraisal a) { appraisals.add(a); }
    @Override public void event(Event e) { events.add(e); }
    @Override public void organization(Organization o) { organizations.add(o); }
    @Override public void file(ImportReport.FileReport file, String text) { contents.put(file.fileName(), text); }

    ParsedImport parsed(Period period, ImportParser.Outcome outcome) {
        return new ParsedImport(period, departments, cadres, targets, appraisals, events, organizations,
                outcome.files(), contents, outcome.contentHash(), outcome.problems(), outcome.omittedErrors(),
                outcome.omittedWarnings());
    }
}
