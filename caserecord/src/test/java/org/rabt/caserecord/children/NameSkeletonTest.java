package org.rabt.caserecord.children;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The spellings a coordinator would call the same name meet on one skeleton, in both scripts;
 * different names do not. (Names as ChildPseudonyms normalises them: upper case, no accents.)
 */
class NameSkeletonTest {

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
        "MOHAMMED, MOHAMED",
        "MOHAMED, MUHAMMAD",
        "MOHAMED, محمد",
        "YOUSSEF, YOUSEF",
        "YOUSSEF, YUSUF",
        "YOUSSEF, يوسف",
        "KHADIJA, KHADIDJA",
        "KHADIJA, خديجة",
        "ABDELLAH, عبد الله",
        "FATIMAH, FATIMA",
        "SALMA, SELMA",
        "SALMA, سلمى",
        "EL AMRANI, AMRANI",
        "EL AMRANI, العمراني",
        "AMRANI, عمراني",
        "CHAIMAE, شيماء",
        "FATIMA ZAHRA, FATIMA EZZAHRA",
    })
    void variantsOfOneNameShareTheSkeleton(String one, String other) {
        assertThat(NameSkeleton.of(normalise(one))).isNotEmpty().isEqualTo(NameSkeleton.of(normalise(other)));
    }

    @ParameterizedTest(name = "{0} !~ {1}")
    @CsvSource({
        "SALMA, SAMIRA",
        "YOUSSEF, YASSINE",
        "AMRANI, OMARI",
        "محمد, أحمد",
    })
    void differentNamesDoNot(String one, String other) {
        assertThat(NameSkeleton.of(normalise(one))).isNotEqualTo(NameSkeleton.of(normalise(other)));
    }

    private static String normalise(String name) {
        return name.chars().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)
                ? ChildPseudonyms.normaliseArabic(name) : ChildPseudonyms.normaliseLatin(name);
    }
}
