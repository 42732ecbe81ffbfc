package org.rabt.caserecord.children;

/**
 * A keyed hash of a child's normalised name, stored instead of the name so that near matches can
 * be found and names searched without the name in the database.
 *
 * @param key  hex HMAC (the pseudonym key) of the kind and the name's normalised form or skeleton
 * @param kind {@link #EXACT}, {@link #SOUND} or {@link #TOKEN}
 */
public record MatchKey(String key, String kind) {

    /** Family and given name, same spelling once normalised. */
    public static final String EXACT = "exact";
    /** Family and given name, same consonant skeleton: spelling and transliteration variants. */
    public static final String SOUND = "sound";
    /** One name part's skeleton: what a search for one word finds. */
    public static final String TOKEN = "token";
}
