package org.rabt.config.demo;

/**
 * One status report the receiving sector's system sends about a demo card, in its own words.
 *
 * @param word        the receiver's own status code ({@code recu}, {@code en-cours-d-examen}...;
 *                    for health, the FHIR {@code Task.status})
 * @param label       health only: the {@code Task.businessStatus} text; {@code null} elsewhere
 * @param observation the receiver's remark, reason or outcome, or {@code null}
 * @param hoursAfter  when the receiver reported, counted from the card's sending
 */
record DemoStatus(String word, String label, String observation, int hoursAfter) {

    static DemoStatus of(String word, int hoursAfter) {
        return new DemoStatus(word, null, null, hoursAfter);
    }

    static DemoStatus of(String word, String observation, int hoursAfter) {
        return new DemoStatus(word, null, observation, hoursAfter);
    }

    static DemoStatus fhir(String taskStatus, String label, String observation, int hoursAfter) {
        return new DemoStatus(taskStatus, label, observation, hoursAfter);
    }
}
