package org.rabt.config.reports;

import java.util.Map;
import java.util.function.Function;
import org.rabt.mappings.cpm.ConcernCode;

/**
 * The words of a printed report in Arabic, French and English: titles, sections, measures and
 * the categories of the figures (sectors, entry channels, stages, age bands, sexes; forms of
 * violence come from {@link ConcernCode}). A code without a label prints as itself, so a new
 * category shows up rather than vanishing.
 */
final class ReportLabels {

    /**
     * Each key's label in Arabic, French and English, in that order. An Arabic label starts with a
     * letter, never a digit ("من 0 إلى 4 سنوات"): openhtmltopdf set "0–4 سنوات" with its words in
     * left-to-right order. Arabic labels carry no diacritics, which it does not position.
     */
    private static final Map<String, String[]> WORDS = Map.ofEntries(
            word("title.provincial", "التقرير الإقليمي", "Rapport provincial", "Provincial report"),
            word("title.monthly", "التقرير الشهري للمركز", "Rapport mensuel du centre", "Monthly centre report"),
            word("subtitle.provincial", "تقرير نصف سنوي أو سنوي موحد البنية، أرقام مجمعة لا تكشف هوية أي طفل",
                    "Rapport semestriel ou annuel de structure unifiée, chiffres agrégés et anonymisés",
                    "Half-yearly or annual report of one unified structure, aggregated and de-identified figures"),
            word("subtitle.monthly", "أرقام مجمعة لا تكشف هوية أي طفل", "Chiffres agrégés et anonymisés",
                    "Aggregated and de-identified figures"),
            word("meta.province", "الإقليم", "Province", "Province"),
            word("meta.period", "الفترة", "Période", "Period"),
            word("meta.dates", "من ... إلى", "Du ... au", "From ... to"),
            word("meta.previous", "الفترة السابقة", "Période précédente", "Previous period"),
            word("meta.generated", "تاريخ الإعداد", "Établi le", "Generated"),
            word("meta.unset", "غير محدد", "non configurée", "not configured"),
            word("withheld", "محجوب", "masqué", "withheld"),
            word("footnote", "«محجوب»: أقل من %d أطفال، أو عدد حجب حتى لا يمكن استنتاج عدد محجوب آخر من المجاميع.",
                    "« masqué » : moins de %d enfants, ou chiffre masqué pour qu'un autre chiffre masqué ne puisse pas être"
                            + " recalculé à partir des totaux.",
                    "“withheld”: fewer than %d children, or withheld so that another withheld figure cannot be recomputed"
                            + " from the totals."),
            word("none", "لا شيء", "aucune", "none"),
            word("section.achievements", "إنجازات خطة العمل", "Réalisations du plan d'action", "Action plan achievements"),
            word("section.trend", "تطور العنف في الإقليم", "Évolution de la violence dans la province",
                    "Trend of violence in the province"),
            word("table.measure", "المؤشر", "Indicateur", "Measure"),
            word("measure.cards", "البطاقات المستلمة", "Fiches reçues", "Cards received"),
            word("measure.children", "الأطفال المعنيون", "Enfants concernés", "Children concerned"),
            word("measure.followUp", "بطاقات التتبع", "Fiches de suivi", "Follow-up cards"),
            word("measure.evaluation", "بطاقات التقييم", "Fiches d'évaluation", "Evaluation cards"),
            word("heading.channels", "البطاقات حسب قناة الولوج", "Fiches par canal d'entrée", "Cards by entry channel"),
            word("heading.sectors", "البطاقات حسب القطاع المرسل", "Fiches par secteur émetteur", "Cards by sending sector"),
            word("heading.stages", "الأطفال حسب مرحلة المسار", "Enfants par étape du parcours",
                    "Children by pathway stage"),
            word("heading.referrals", "الإحالات حسب القطاع المستقبل", "Orientations par secteur destinataire",
                    "Referrals by receiving sector"),
            word("heading.ageSex", "الأطفال حسب الفئة العمرية والجنس", "Enfants par tranche d'âge et sexe",
                    "Children by age band and sex"),
            word("heading.concerns", "الأطفال حسب شكل العنف", "Enfants par forme de violence",
                    "Children by form of violence"),
            word("heading.concernAgeSex", "أشكال العنف حسب الفئة العمرية والجنس",
                    "Formes de violence par tranche d'âge et sexe", "Forms of violence by age band and sex"),
            word("note.brackets", "بين قوسين: الفترة السابقة.", "Entre parenthèses : la période précédente.",
                    "In brackets: the previous period."),
            word("note.concerns", "يحتسب الطفل الذي تعرض لعدة أشكال من العنف تحت كل شكل منها.",
                    "Un enfant exposé à plusieurs formes de violence est compté sous chacune.",
                    "A child exposed to several forms of violence counts under each."),
            word("note.concernAgeSex", "الصفوف التي لا يوجد فيها أي طفل في الفترتين غير معروضة.",
                    "Les lignes sans aucun enfant dans les deux périodes ne sont pas reproduites.",
                    "Rows with no child in either period are left out."),
            word("column.sector", "القطاع", "Secteur", "Sector"),
            word("column.channel", "قناة الولوج", "Canal d'entrée", "Entry channel"),
            word("column.stage", "المرحلة", "Étape", "Stage"),
            word("column.ageBand", "الفئة العمرية", "Tranche d'âge", "Age band"),
            word("column.concern", "شكل العنف", "Forme de violence", "Form of violence"),
            word("column.total", "المجموع", "Total", "Total"),
            word("column.sent", "المرسلة", "Envoyées", "Sent"),
            word("column.answered", "التي تم الرد عليها", "Avec réponse", "Answered"),
            word("column.overdue", "المتأخرة", "En retard", "Overdue"),
            word("column.median", "المدة الوسيطة للرد (أيام)", "Délai médian de réponse (jours)",
                    "Median response (days)"),
            word("sector.health", "الصحة", "Santé", "Health"),
            word("sector.justice", "العدل", "Justice", "Justice"),
            word("sector.education", "التربية الوطنية", "Éducation", "Education"),
            word("sector.labour", "الشغل", "Travail", "Labour"),
            word("sector.police", "الأمن الوطني", "Sûreté nationale", "Police"),
            word("sector.gendarmerie", "الدرك الملكي", "Gendarmerie royale", "Gendarmerie"),
            word("sector.social", "الخدمات الاجتماعية", "Action sociale", "Social services"),
            word("sector.freeline", "الخط الأخضر", "Ligne verte", "Free line"),
            word("sector.centre", "المركز", "Centre", "Centre"),
            word("channel.free-line", "الخط الأخضر", "Ligne verte", "Free line"),
            word("channel.listening-cell", "خلية الإنصات", "Cellule d'écoute", "Listening cell"),
            word("channel.mobile-team", "الفريق المتنقل", "Équipe mobile", "Mobile team"),
            word("channel.health-facility", "مؤسسة صحية", "Établissement de santé", "Health facility"),
            word("channel.school", "المدرسة", "École", "School"),
            word("channel.police", "الأمن الوطني", "Police", "Police"),
            word("channel.gendarmerie", "الدرك الملكي", "Gendarmerie", "Gendarmerie"),
            word("channel.prosecutor", "النيابة العامة", "Parquet", "Public prosecutor"),
            word("channel.labour-inspection", "مفتشية الشغل", "Inspection du travail", "Labour inspection"),
            word("channel.social-services", "المصالح الاجتماعية", "Services sociaux", "Social services"),
            word("channel.centre", "المركز", "Centre", "Centre"),
            word("channel.self-referral", "مبادرة ذاتية", "Démarche spontanée", "Self-referral"),
            word("channel.community-report", "تبليغ من المحيط", "Signalement de l'entourage", "Community report"),
            word("stage.1", "المرحلة الأولى: الرصد", "1. Détection", "1. Detection"),
            word("stage.2", "المرحلة الثانية: المساعدة الفورية", "2. Assistance immédiate", "2. Immediate assistance"),
            word("stage.3", "المرحلة الثالثة: التشخيص الأولي", "3. Diagnostic initial", "3. Initial diagnosis"),
            word("stage.4", "المرحلة الرابعة: المواكبة والتكفل", "4. Accompagnement et prise en charge", "4. Accompaniment and care"),
            word("stage.5", "المرحلة الخامسة: إعادة التأهيل والإدماج", "5. Réhabilitation et réintégration",
                    "5. Rehabilitation and reintegration"),
            word("stage.6", "المرحلة السادسة: التتبع", "6. Suivi", "6. Follow-up"),
            word("age.0-4", "من 0 إلى 4 سنوات", "0–4 ans", "0–4 years"),
            word("age.5-9", "من 5 إلى 9 سنوات", "5–9 ans", "5–9 years"),
            word("age.10-14", "من 10 إلى 14 سنة", "10–14 ans", "10–14 years"),
            word("age.15-17", "من 15 إلى 17 سنة", "15–17 ans", "15–17 years"),
            word("age.18+", "سن 18 فما فوق", "18 ans et plus", "18 and over"),
            word("age.unknown", "سن غير معروف", "Âge inconnu", "Age unknown"),
            word("sex.female", "إناث", "Filles", "Girls"),
            word("sex.male", "ذكور", "Garçons", "Boys"),
            word("sex.other", "آخر", "Autre", "Other"),
            word("sex.unknown", "غير محدد", "Non précisé", "Not stated"),
            word("unknown", "غير معروف", "inconnu", "unknown"));

    private static final Map<ReportLanguage, Function<ConcernCode, String>> LABEL_OF_CONCERN = Map.of(
            ReportLanguage.AR, ConcernCode::arabic, ReportLanguage.FR, ConcernCode::french,
            ReportLanguage.EN, ConcernCode::english);

    private final ReportLanguage language;

    private ReportLabels(ReportLanguage language) {
        this.language = language;
    }

    static ReportLabels of(ReportLanguage language) {
        return new ReportLabels(language);
    }

    ReportLanguage language() {
        return language;
    }

    /** The label of {@code key} (the key itself when there is none). */
    String text(String key) {
        String[] words = WORDS.get(key);
        return words == null ? key : words[language.ordinal()];
    }

    String footnote(int threshold) {
        return text("footnote").formatted(threshold);
    }

    String sector(String code) {
        return category("sector.", code);
    }

    String channel(String code) {
        return category("channel.", code);
    }

    String stage(int stage) {
        return category("stage.", String.valueOf(stage));
    }

    String ageBand(String code) {
        return category("age.", code);
    }

    String sex(String code) {
        return category("sex.", code);
    }

    String concern(String code) {
        for (ConcernCode concern : ConcernCode.values()) {
            if (concern.code().equals(code)) {
                return LABEL_OF_CONCERN.get(language).apply(concern);
            }
        }
        return code;
    }

    private String category(String prefix, String code) {
        if (code == null || "unknown".equals(code) && !WORDS.containsKey(prefix + code)) {
            return text("unknown");
        }
        String[] words = WORDS.get(prefix + code);
        return words == null ? code : words[language.ordinal()];
    }

    private static Map.Entry<String, String[]> word(String key, String arabic, String french, String english) {
        return Map.entry(key, new String[] {arabic, french, english});
    }
}
