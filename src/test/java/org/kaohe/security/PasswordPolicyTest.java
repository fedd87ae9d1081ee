package org.kaohe.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kaohe.errors.InvalidInputException;
import org.kaohe.errors.MessageText;

/** The password policy on its own: the estimator's refusals, each saying why in Chinese and English. */
class PasswordPolicyTest {

    /** The red team's examples (issue 18) and their kin: common passwords, keyboard walks, leet, pinyin, sequences. */
    @ParameterizedTest
    @ValueSource(strings = {"qwertyuiop1", "P@ssw0rd123", "password1234", "woaini1314520", "woaini5201314",
            "1qaz2wsx3edc", "Aa123456789", "iloveyou1314", "zhangwei123456", "abcdefghijk", "aaaaaaaaaaaa",
            "1234567890", "Qq123456789", "admin123456"})
    void weakPasswordsAreRefusedSayingWhyInChineseAndEnglish(String password) {
        assertThatThrownBy(() -> PasswordPolicy.check("someone", password))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("密码不符合要求:太容易被猜到")
                .hasMessageContaining(" / password refused: too easy to guess (estimated ");
    }

    @ParameterizedTest
    @CsvSource({"zhangsan, Zhangsan-river-9-lamp, 不能包含用户名", "lina, short-1, 至少 10 个字符"})
    void theRulesBesideTheEstimatorStay(String username, String password, String why) {
        assertThatThrownBy(() -> PasswordPolicy.check(username, password)).hasMessageContaining(why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Quartz-orchid-lagoon-31", "amber tractor violin seventeen", "q7Vp-3mRt-wK9x", "青川湖畔的桂花树-2026"})
    void passwordsHardToGuessPass(String password) {
        assertThatCode(() -> PasswordPolicy.check("someone", password)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-very-long-passphrase-that-goes-on-and-on-past-what-bcrypt-reads-at-all-x",
            "这是一个非常非常长的中文密码它超过了七十二个字节的限制啊啊"})
    void passwordsLongerThanBcryptReadsAreRefused(String password) {
        assertThatThrownBy(() -> PasswordPolicy.check("someone", password)).hasMessageContaining("72 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kaohe-kaohe-2026", "Kaohe@2026!"})
    void theProductsNameCountsAsAKnownWord(String password) {
        assertThatThrownBy(() -> PasswordPolicy.check("someone", password)).hasMessageContaining("password refused");
    }

    /** The reason is named inside the refusal in the refusal's own language: each language whole, never the other's words. */
    @Test
    void theReasonIsWordedInTheLanguageOfTheRefusal() {
        InvalidInputException refused = catchThrowableOfType(
                () -> PasswordPolicy.check("someone", "short-1"), InvalidInputException.class);
        assertThat(MessageText.of(refused.message().orElseThrow(), Locale.SIMPLIFIED_CHINESE)).isEqualTo("密码不符合要求:至少 10 个字符");
        assertThat(MessageText.of(refused.message().orElseThrow(), Locale.ENGLISH)).isEqualTo("password refused: at least 10 characters");
    }
}
