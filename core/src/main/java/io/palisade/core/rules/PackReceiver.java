package io.palisade.core.rules;

/**
 * Where rule packs go: the engine takes them, the {@linkplain RuleSources rule sources} and the
 * reporter (which asks the backend) hand them over. A pack is validated, checked against the trusted
 * keys when it came over the network, compiled, and only then put in force; a bad one changes
 * nothing.
 */
public interface PackReceiver {

    /**
     * Puts the pack {@code text} in force.
     *
     * @param origin where it came from, for logs and status (never a secret: a URL's user info and query are removed)
     * @param remote whether it came over the network (a rules URL or the backend); with
     *        {@code palisade.rules.public-keys} set such a pack must be signed
     * @throws RulePackException naming the rule and the problem; the rules in force stay, and the rejection is
     *         logged and counted by the receiver
     */
    void receive(String text, String origin, boolean remote) throws RulePackException;
}
