package org.kaohe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The command line words typed messages in the environment's language, in both when it names neither. */
class ReaderLocaleTest {

    @Test
    void theEnvironmentChoosesEnglishChineseOrBoth() {
        assertThat(CliSupport.readerLocale(Map.of("LANG", "en_GB.UTF-8"))).isEqualTo(Locale.ENGLISH);
        assertThat(CliSupport.readerLocale(Map.of("LANG", "zh_CN.UTF-8"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(CliSupport.readerLocale(Map.of("LANG", "C.UTF-8"))).isNull();
        assertThat(CliSupport.readerLocale(Map.of())).isNull();
        // POSIX order: LC_ALL over LC_MESSAGES over LANG.
        assertThat(CliSupport.readerLocale(Map.of("LC_ALL", "zh_CN.UTF-8", "LANG", "en_US.UTF-8")))
                .isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(CliSupport.readerLocale(Map.of("LC_MESSAGES", "en_US.UTF-8", "LANG", "zh_CN.UTF-8")))
                .isEqualTo(Locale.ENGLISH);
    }
}
