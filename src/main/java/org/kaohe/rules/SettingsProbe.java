package org.kaohe.rules;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/** Reads the settings of a compiled rulebook: the settings table's rules fire in an empty session. */
final class SettingsProbe {

    private SettingsProbe() {}

    static Map<String, BigDecimal> read(KieBase kieBase) {
        KieSession session = kieBase.newKieSession();
        try {
            session.fireAllRules();
            Map<String, BigDecimal> settings = new TreeMap<>();
            for (Object fact : session.getObjects(o -> o instanceof Setting)) {
                Setting setting = (Setting) fact;
                settings.put(setting.name(), setting.value());
            }
            return Map.copyOf(settings);
        } finally {
            session.dispose();
        }
    }
}
