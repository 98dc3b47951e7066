package org.borderwatch.simulator.world;

/** What a person is in the world. Member roles are the roles of a smuggling or trafficking network. */
public enum Role {
  LEGIT(false), MIGRANT(false), VICTIM(false), FAMILY(false),
  LEADER(true), COORDINATOR(true), RECRUITER(true), TRANSPORTER(true), BOAT_OPERATOR(true), FORGER(true),
  SAFE_HOUSE(true), FINANCIER(true), MULE(true), EMPLOYER(true);

  private final boolean member;

  Role(boolean member) {
    this.member = member;
  }

  /** Whether this is a role inside a criminal network. */
  public boolean member() {
    return member;
  }

  /** Roles that investigators should prioritise: those who run and fund the network. */
  public boolean key() {
    return this == LEADER || this == COORDINATOR || this == FINANCIER;
  }
}
