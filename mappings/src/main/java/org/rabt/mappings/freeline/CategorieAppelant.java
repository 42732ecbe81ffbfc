package org.rabt.mappings.freeline;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Who called or came, as a category only. The CPM has no member for it, so it reaches the centre
 * in the reason of the requested service, in the words of {@link #description()}.
 */
enum CategorieAppelant {
    ENFANT("enfant", "l'enfant"),
    PARENT("parent", "un parent"),
    MEMBRE_FAMILLE("membre-famille", "un autre membre de la famille"),
    VOISIN("voisin", "un voisin"),
    ENSEIGNANT("enseignant", "un enseignant"),
    PROFESSIONNEL("professionnel", "un professionnel (santé, social, associatif)"),
    ANONYME("anonyme", "un appelant anonyme"),
    AUTRE("autre", "une autre personne");

    private final String code;
    private final String description;

    CategorieAppelant(String code, String description) {
        this.code = code;
        this.description = description;
    }

    @JsonValue
    String code() {
        return code;
    }

    /** The French phrase written into the reason of the requested service. */
    String description() {
        return description;
    }
}
