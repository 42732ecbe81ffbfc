package org.rabt.config.demo;

import java.time.LocalDate;
import org.rabt.mappings.cpm.Sex;

/**
 * The children of the demo, in the province of Salé. Each is seen by several sectors; Youssef
 * Amrani appears a second time, from the school, as "Yousef" with only his birth year and no
 * civil-status number: a transliteration variant that the hub cannot join by its pseudonym and
 * that a coordinator should review.
 */
final class DemoChildren {

    /** Referred by health to justice, reported by her school to the centre, by the police to social services. */
    static final DemoChild AYA = new DemoChild("El Fassi", "Aya", "الفاسي", "آية", LocalDate.of(2012, 7, 14), 2012,
            Sex.FEMALE, null, "Hay Karima, rue 9, n° 31", "MTH", "Khadija Benjelloun", "+212 661 204 518");

    /** Withdrawn from a workshop by labour inspection, sheltered by social services, back to school. */
    static final DemoChild HAMZA = new DemoChild("Ouazzani", "Hamza", "الوزاني", "حمزة", LocalDate.of(2010, 3, 9), 2010,
            Sex.MALE, null, "Sidi Moussa, derb Lamrani, n° 7", "FTH", "Abdelkader Ouazzani", "+212 670 331 902");

    /** Known by his civil-status number to health, justice and the police. */
    static final DemoChild YOUSSEF = new DemoChild("Amrani", "Youssef", "العمراني", "يوسف", LocalDate.of(2013, 4, 2), 2013,
            Sex.MALE, "1432/2013", "Tabriquet, avenue Moulay Ismaïl, n° 112", "MTH", "Naima Amrani", "+212 662 871 440");

    /** The same boy as the school knows him: another spelling, the birth year only, no identifier. */
    static final DemoChild YOUSEF_VARIANT = new DemoChild("Amrani", "Yousef", null, null, null, 2013, Sex.MALE, null,
            null, "MTH", "Naima Amrani", null);

    /** Reported by the gendarmerie (a marriage being arranged), protected by the court, followed by social services. */
    static final DemoChild FATIMA_ZAHRA = new DemoChild("Alaoui", "Fatima Zahra", "العلوي", "فاطمة الزهراء",
            LocalDate.of(2009, 11, 23), 2009, Sex.FEMALE, null, "Douar Oulad Bourahma, Sidi Bouknadel", "FTH",
            "Mohammed Alaoui", "+212 668 115 027");

    /** Seen by health (undernourished), social services and his school. */
    static final DemoChild ILYAS = new DemoChild("Berrada", "Ilyas", "برادة", "إلياس", LocalDate.of(2016, 1, 30), 2016,
            Sex.MALE, null, "Hay Salam, secteur B, n° 54", "GRMTH", "Zohra Berrada", "+212 655 902 318");

    /** Brought to the police after an assault; the police ask health for an examination and justice for protection. */
    static final DemoChild NOUR = new DemoChild("Tazi", "Nour", "التازي", "نور", LocalDate.of(2011, 5, 17), 2011,
            Sex.FEMALE, "884/2011", "Bettana, rue Ibn Khaldoun, n° 18", "MTH", "Samira Tazi", "+212 670 112 233");

    /** A girl a neighbour calls the free line about; she has no family name yet. */
    static final DemoChild RANIA = new DemoChild(null, "Rania", null, "رانيا", null, 2017, Sex.FEMALE, null,
            "Hay Inbiât", null, null, null);

    private DemoChildren() {
    }
}
