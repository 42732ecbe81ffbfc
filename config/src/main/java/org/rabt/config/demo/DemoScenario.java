package org.rabt.config.demo;

import static org.rabt.config.demo.DemoChildren.AYA;
import static org.rabt.config.demo.DemoChildren.FATIMA_ZAHRA;
import static org.rabt.config.demo.DemoChildren.HAMZA;
import static org.rabt.config.demo.DemoChildren.ILYAS;
import static org.rabt.config.demo.DemoChildren.NOUR;
import static org.rabt.config.demo.DemoChildren.RANIA;
import static org.rabt.config.demo.DemoChildren.YOUSEF_VARIANT;
import static org.rabt.config.demo.DemoChildren.YOUSSEF;
import static org.rabt.config.demo.DemoConcern.confirmed;
import static org.rabt.config.demo.DemoConcern.suspected;
import static org.rabt.mappings.cpm.CardType.FOLLOW_UP;
import static org.rabt.mappings.cpm.CardType.LINKAGE;
import static org.rabt.mappings.cpm.CardType.REPORTING;
import static org.rabt.mappings.cpm.ConcernCode.ABANDONMENT;
import static org.rabt.mappings.cpm.ConcernCode.CHILD_LABOUR;
import static org.rabt.mappings.cpm.ConcernCode.CHILD_MARRIAGE;
import static org.rabt.mappings.cpm.ConcernCode.ECONOMIC_EXPLOITATION;
import static org.rabt.mappings.cpm.ConcernCode.NEGLECT;
import static org.rabt.mappings.cpm.ConcernCode.PHYSICAL_VIOLENCE;
import static org.rabt.mappings.cpm.ConcernCode.PSYCHOLOGICAL_VIOLENCE;
import static org.rabt.mappings.cpm.ConcernCode.SCHOOL_DROPOUT;
import static org.rabt.mappings.cpm.ConcernCode.STREET_SITUATION;
import static org.rabt.mappings.cpm.RiskLevel.HIGH;
import static org.rabt.mappings.cpm.RiskLevel.LOW;
import static org.rabt.mappings.cpm.RiskLevel.MEDIUM;
import static org.rabt.mappings.cpm.SectorId.CENTRE;
import static org.rabt.mappings.cpm.SectorId.EDUCATION;
import static org.rabt.mappings.cpm.SectorId.FREELINE;
import static org.rabt.mappings.cpm.SectorId.GENDARMERIE;
import static org.rabt.mappings.cpm.SectorId.HEALTH;
import static org.rabt.mappings.cpm.SectorId.JUSTICE;
import static org.rabt.mappings.cpm.SectorId.LABOUR;
import static org.rabt.mappings.cpm.SectorId.POLICE;
import static org.rabt.mappings.cpm.SectorId.SOCIAL;

import java.util.List;
import org.rabt.mappings.cpm.CardType;
import org.rabt.mappings.cpm.EntryChannel;
import org.rabt.mappings.cpm.LegalBasis;
import org.rabt.mappings.cpm.Priority;
import org.rabt.mappings.cpm.PurposeOfUse;
import org.rabt.mappings.cpm.SectorId;
import org.rabt.mappings.cpm.Setting;

/**
 * What the simulated sector systems send: a first wave of reports to the centre and referrals
 * between sectors over the past two weeks, most of them answered by their receiver, some of them
 * overdue; then a few follow-up cards, one at a time.
 *
 * <p>Overdue on the first start (due date past, not completed): health's referral of Aya El Fassi to
 * the prosecutor (in progress), labour inspection's request of a shelter for Hamza Ouazzani (on
 * hold), health's referral of Youssef Amrani to social services (no answer), and the prosecutor's
 * social inquiry about Fatima Zahra Alaoui (received only).
 */
final class DemoScenario {

    private DemoScenario() {
    }

    static List<DemoCard> firstWave() {
        return List.of(
                // Aya El Fassi: health, education and police; justice and social services answer
                card("aya-health-justice", HEALTH, JUSTICE, LINKAGE, AYA, 3, EntryChannel.HEALTH_FACILITY,
                        Priority.URGENT, PurposeOfUse.LEGAL_PROTECTION, LegalBasis.BEST_INTEREST,
                        List.of(suspected(PHYSICAL_VIOLENCE, Setting.FAMILY, HIGH)), "legal-protection",
                        "Fillette de 14 ans vue aux urgences pour une entorse du poignet ; ecchymoses anciennes des bras"
                                + " et du dos, récit changeant. Signalement au parquet pour protection.",
                        9, -4,
                        List.of(DemoStatus.of("recu", 3),
                                DemoStatus.of("en-cours-d-examen", "Dossier confié au substitut chargé des mineurs ;"
                                        + " audition de la mère à programmer", 50))),
                card("aya-education-centre", EDUCATION, CENTRE, REPORTING, AYA, 1, EntryChannel.SCHOOL,
                        Priority.ROUTINE, PurposeOfUse.CHILD_PROTECTION, LegalBasis.BEST_INTEREST,
                        List.of(suspected(PSYCHOLOGICAL_VIOLENCE, Setting.FAMILY, MEDIUM),
                                confirmed(SCHOOL_DROPOUT, Setting.SCHOOL, MEDIUM)), null,
                        "Absences répétées depuis la rentrée, élève repliée ; elle dit ne pas vouloir rentrer chez elle.",
                        12, null, List.of()),
                card("aya-police-social", POLICE, SOCIAL, LINKAGE, AYA, 4, EntryChannel.POLICE,
                        Priority.URGENT, PurposeOfUse.SOCIAL_SUPPORT, LegalBasis.BEST_INTEREST,
                        List.of(confirmed(NEGLECT, Setting.FAMILY, MEDIUM)), "social-support",
                        "Mineure trouvée seule la nuit près de la gare de Salé-Ville, ramenée au domicile. Mère seule,"
                                + " sans ressources : accompagnement social demandé.",
                        6, 8,
                        List.of(DemoStatus.of("recu", 2),
                                DemoStatus.of("pris-en-charge", "Assistante sociale désignée ; visite à domicile prévue"
                                        + " en fin de semaine", 26))),

                // Hamza Ouazzani: labour inspection, social services, his school
                card("hamza-labour-centre", LABOUR, CENTRE, REPORTING, HAMZA, 2, EntryChannel.LABOUR_INSPECTION,
                        Priority.ASAP, PurposeOfUse.LABOUR_WITHDRAWAL, LegalBasis.BEST_INTEREST,
                        List.of(confirmed(CHILD_LABOUR, Setting.WORKPLACE, HIGH),
                                confirmed(ECONOMIC_EXPLOITATION, Setting.WORKPLACE, HIGH)), null,
                        "Mineur de 16 ans retiré d'un atelier de ferronnerie de la zone industrielle de Salé :"
                                + " soudure sans protection, 60 heures par semaine. Procès-verbal dressé.",
                        14, null, List.of()),
                card("hamza-labour-social", LABOUR, SOCIAL, LINKAGE, HAMZA, 2, EntryChannel.LABOUR_INSPECTION,
                        Priority.ASAP, PurposeOfUse.SOCIAL_SUPPORT, LegalBasis.BEST_INTEREST,
                        List.of(confirmed(CHILD_LABOUR, Setting.WORKPLACE, HIGH)), "emergency-shelter",
                        "Le père refuse son retour au domicile sans revenu : hébergement et accompagnement demandés.",
                        14, -2,
                        List.of(DemoStatus.of("recu", 1),
                                DemoStatus.of("en-attente-place", "Aucune place libre en établissement de protection"
                                        + " sociale à Salé ; inscrit sur la liste d'attente", 30))),
                card("hamza-social-education", SOCIAL, EDUCATION, LINKAGE, HAMZA, 5, EntryChannel.SOCIAL_SERVICES,
                        Priority.ROUTINE, PurposeOfUse.SCHOOLING, LegalBasis.BEST_INTEREST,
                        List.of(confirmed(SCHOOL_DROPOUT, Setting.FAMILY, MEDIUM)), "school-reintegration",
                        "Déscolarisé depuis la 6e année du primaire ; souhaite reprendre une formation. Réinscription"
                                + " ou orientation vers l'éducation non formelle demandée.",
                        7, 20,
                        List.of(DemoStatus.of("recu", 4), DemoStatus.of("pris-en-charge", 28),
                                DemoStatus.of("en-cours", "Inscrit en deuxième chance au collège Al Massira ;"
                                        + " cours de soutien deux après-midi par semaine", 75))),

                // Youssef Amrani, known by his civil-status number: health, justice, police
                card("youssef-health-social", HEALTH, SOCIAL, LINKAGE, YOUSSEF, 2, EntryChannel.HEALTH_FACILITY,
                        Priority.URGENT, PurposeOfUse.SOCIAL_SUPPORT, LegalBasis.BEST_INTEREST,
                        List.of(suspected(NEGLECT, Setting.FAMILY, HIGH)), "social-support",
                        "Garçon de 13 ans hospitalisé pour déshydratation ; personne n'est venu le voir depuis trois"
                                + " jours. Évaluation de la situation familiale avant sa sortie.",
                        8, -3, List.of()),
                card("youssef-justice-police", JUSTICE, POLICE, LINKAGE, YOUSSEF, 3, EntryChannel.PROSECUTOR,
                        Priority.URGENT, PurposeOfUse.LEGAL_PROTECTION, LegalBasis.JUDICIAL_ORDER,
                        List.of(suspected(ABANDONMENT, Setting.FAMILY, HIGH)), "family-tracing",
                        "Instruction du parquet : rechercher la mère de l'enfant, dont le domicile est vide depuis"
                                + " deux semaines, et l'entendre.",
                        6, 1,
                        List.of(DemoStatus.of("recu", 1), DemoStatus.of("recherches-en-cours", 20),
                                DemoStatus.of("famille-localisee", "Mère localisée chez sa sœur à Kénitra ; entendue,"
                                        + " elle se présentera au parquet avec l'assistante sociale", 70))),
                card("youssef-police-centre", POLICE, CENTRE, REPORTING, YOUSSEF, 1, EntryChannel.POLICE,
                        Priority.STAT, PurposeOfUse.CHILD_PROTECTION, LegalBasis.BEST_INTEREST,
                        List.of(confirmed(STREET_SITUATION, Setting.STREET, HIGH)), null,
                        "Enfant trouvé endormi sous le pont Moulay Hassan ; conduit aux urgences de l'hôpital.",
                        9, null, List.of()),
                // the same boy as his school writes him: another spelling, no identifier, the birth year only
                card("yousef-education-centre", EDUCATION, CENTRE, REPORTING, YOUSEF_VARIANT, 1,
                        EntryChannel.SCHOOL, Priority.ROUTINE, PurposeOfUse.SCHOOLING, LegalBasis.BEST_INTEREST,
                        List.of(confirmed(SCHOOL_DROPOUT, Setting.SCHOOL, MEDIUM)), null,
                        "Élève absent depuis trois semaines ; la famille ne répond plus aux convocations.",
                        5, null, List.of()),

                // Fatima Zahra Alaoui: gendarmerie, justice, social services
                card("fatima-gendarmerie-centre", GENDARMERIE, CENTRE, REPORTING, FATIMA_ZAHRA, 1,
                        EntryChannel.GENDARMERIE, Priority.URGENT, PurposeOfUse.CHILD_PROTECTION,
                        LegalBasis.BEST_INTEREST, List.of(suspected(CHILD_MARRIAGE, Setting.FAMILY, HIGH)), null,
                        "Signalement d'une enseignante : mariage coutumier (fatiha) d'une mineure de 17 ans annoncé"
                                + " pour la fin du mois au douar.",
                        11, null, List.of()),
                card("fatima-gendarmerie-justice", GENDARMERIE, JUSTICE, LINKAGE, FATIMA_ZAHRA, 2,
                        EntryChannel.GENDARMERIE, Priority.ASAP, PurposeOfUse.LEGAL_PROTECTION,
                        LegalBasis.BEST_INTEREST, List.of(suspected(CHILD_MARRIAGE, Setting.FAMILY, HIGH)),
                        "legal-protection",
                        "Audition du père : le mariage est confirmé. Mesure de protection demandée au parquet.",
                        11, 3,
                        List.of(DemoStatus.of("recu", 2),
                                DemoStatus.of("enquete-ordonnee", "Opposition du parquet au mariage ; enquête sociale"
                                        + " ordonnée", 48))),
                card("fatima-justice-social", JUSTICE, SOCIAL, LINKAGE, FATIMA_ZAHRA, 3, EntryChannel.PROSECUTOR,
                        Priority.URGENT, PurposeOfUse.SOCIAL_SUPPORT, LegalBasis.JUDICIAL_ORDER,
                        List.of(suspected(CHILD_MARRIAGE, Setting.FAMILY, HIGH)), "social-support",
                        "Enquête sociale ordonnée par le parquet : situation familiale, scolarité, avis sur le maintien"
                                + " de la mineure au domicile.",
                        9, -6, List.of(DemoStatus.of("recu", 5))),

                // Ilyas Berrada: health, social services, his school
                card("ilyas-health-social", HEALTH, SOCIAL, LINKAGE, ILYAS, 2, EntryChannel.HEALTH_FACILITY,
                        Priority.URGENT, PurposeOfUse.SOCIAL_SUPPORT, LegalBasis.BEST_INTEREST,
                        List.of(confirmed(NEGLECT, Setting.FAMILY, HIGH)), "social-support",
                        "Malnutrition aiguë modérée chez un garçon de 10 ans vivant avec sa grand-mère âgée ;"
                                + " aucune couverture médicale.",
                        13, -5,
                        List.of(DemoStatus.of("recu", 2), DemoStatus.of("pris-en-charge", 20),
                                DemoStatus.of("accompagnement-termine", "Aide alimentaire mensuelle et couverture AMO"
                                        + " obtenues ; la grand-mère est suivie par le centre social de Hay Salam", 200))),
                card("ilyas-education-health", EDUCATION, HEALTH, LINKAGE, ILYAS, 4, EntryChannel.SCHOOL,
                        Priority.ROUTINE, PurposeOfUse.MEDICAL_CARE, LegalBasis.BEST_INTEREST,
                        List.of(suspected(NEGLECT, Setting.FAMILY, MEDIUM)), "medical-examination",
                        "Malaises répétés en classe le matin ; l'élève dit ne pas prendre de petit-déjeuner.",
                        10, 2,
                        List.of(DemoStatus.fhir("received", "Demande reçue", null, 3),
                                DemoStatus.fhir("accepted", "Rendez-vous fixé en pédiatrie", "Consultation jeudi à 10 h,"
                                        + " avec la grand-mère", 20),
                                DemoStatus.fhir("completed", "Bilan pédiatrique réalisé", "Anémie ferriprive traitée ;"
                                        + " suivi nutritionnel mensuel au centre de santé Hay Salam", 96))),

                // Nour Tazi: police, and the health and justice answers
                card("nour-police-health", POLICE, HEALTH, LINKAGE, NOUR, 2, EntryChannel.POLICE, Priority.STAT,
                        PurposeOfUse.MEDICAL_CARE, LegalBasis.BEST_INTEREST,
                        List.of(confirmed(PHYSICAL_VIOLENCE, Setting.COMMUNITY, HIGH)), "forensic-examination",
                        "Agression dans la rue par un groupe de jeunes ; plainte déposée par la mère. Examen"
                                + " médico-légal et certificat demandés sur réquisition.",
                        4, -3,
                        List.of(DemoStatus.fhir("accepted", "Prise en charge aux urgences", null, 1),
                                DemoStatus.fhir("completed", "Examen médico-légal réalisé", "Certificat médical initial"
                                        + " remis à la police (ITT 12 jours) ; suivi psychologique proposé", 30))),
                card("nour-police-justice", POLICE, JUSTICE, LINKAGE, NOUR, 3, EntryChannel.POLICE,
                        Priority.URGENT, PurposeOfUse.LEGAL_PROTECTION, LegalBasis.BEST_INTEREST,
                        List.of(confirmed(PHYSICAL_VIOLENCE, Setting.COMMUNITY, HIGH)), "legal-protection",
                        "Procès-verbal d'audition transmis au parquet ; les auteurs présumés sont identifiés.",
                        4, 10,
                        List.of(DemoStatus.of("recu", 2),
                                DemoStatus.of("incompetence", "Les faits ont été commis à Kénitra : la procédure relève"
                                        + " du parquet près le tribunal de première instance de Kénitra", 26))),

                // Rania: an anonymous call, no family name; her card opens a file of its own
                card("rania-freeline-centre", FREELINE, CENTRE, REPORTING, RANIA, 1, EntryChannel.FREE_LINE,
                        Priority.URGENT, PurposeOfUse.CHILD_PROTECTION, LegalBasis.BEST_INTEREST,
                        List.of(suspected(NEGLECT, Setting.FAMILY, MEDIUM)), null,
                        "Une voisine signale une fillette d'environ neuf ans souvent seule le soir, qui semble mal"
                                + " nourrie ; elle ne va plus à l'école depuis la rentrée.",
                        3, null, List.of()));
    }

    /** Follow-up cards the sector systems send after the first wave, one at a time. */
    static List<DemoCard> followUps() {
        return List.of(
                card("aya-education-follow-up", EDUCATION, CENTRE, FOLLOW_UP, AYA, 6, EntryChannel.SCHOOL,
                        Priority.ROUTINE, PurposeOfUse.CHILD_PROTECTION, LegalBasis.BEST_INTEREST,
                        List.of(suspected(PSYCHOLOGICAL_VIOLENCE, Setting.FAMILY, LOW)), null,
                        "Retour en classe régulier depuis lundi ; entretien avec la mère prévu avec l'assistante sociale.",
                        0, null, List.of()),
                card("hamza-social-follow-up", SOCIAL, CENTRE, FOLLOW_UP, HAMZA, 5, EntryChannel.SOCIAL_SERVICES,
                        Priority.ROUTINE, PurposeOfUse.SOCIAL_SUPPORT, LegalBasis.BEST_INTEREST,
                        List.of(confirmed(CHILD_LABOUR, Setting.WORKPLACE, MEDIUM)), null,
                        "Hébergé chez un oncle à Salé en attendant une place ; inscription en formation professionnelle"
                                + " en cours.",
                        0, null, List.of()),
                card("nour-police-follow-up", POLICE, CENTRE, FOLLOW_UP, NOUR, 4, EntryChannel.POLICE,
                        Priority.ROUTINE, PurposeOfUse.CHILD_PROTECTION, LegalBasis.BEST_INTEREST,
                        List.of(confirmed(PHYSICAL_VIOLENCE, Setting.COMMUNITY, MEDIUM)), null,
                        "Procédure transmise au parquet de Kénitra ; deux auteurs présumés interpellés.",
                        0, null, List.of()),
                card("fatima-justice-follow-up", JUSTICE, CENTRE, FOLLOW_UP, FATIMA_ZAHRA, 4,
                        EntryChannel.PROSECUTOR, Priority.ROUTINE, PurposeOfUse.LEGAL_PROTECTION,
                        LegalBasis.JUDICIAL_ORDER, List.of(suspected(CHILD_MARRIAGE, Setting.FAMILY, MEDIUM)), null,
                        "Le père s'est engagé devant le substitut à renoncer au mariage ; la mineure reste scolarisée.",
                        0, null, List.of()));
    }

    private static DemoCard card(String key, SectorId sender, SectorId receiver, CardType type, DemoChild child,
            int stage, EntryChannel channel, Priority priority, PurposeOfUse purpose, LegalBasis legalBasis,
            List<DemoConcern> concerns, String service, String narrative, int sentDaysAgo, Integer dueInDays,
            List<DemoStatus> statuses) {
        return new DemoCard(key, sender, receiver, type, child, stage, channel, priority, purpose, legalBasis, concerns,
                service, narrative, sentDaysAgo, dueInDays, statuses);
    }
}
