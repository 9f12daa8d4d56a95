package dk.kk.gevinstspor.domain;

/** Priority class 1..4 of an investment proposal (criteria 7, 8, 10, 11), used to order overviews. */
public enum PriorityClass {
    /** 1: contributes to the administration's efficiency target (criterion 7). */
    EFFICIENCY_TARGET(1),
    /** 2: efficiency on service (criterion 8). */
    SERVICE_EFFICIENCY(2),
    /** 3: avoids future extra costs in a demography-regulated area (criterion 10). */
    DEMOGRAPHY_AVOIDED_COSTS(3),
    /** 4: avoids other future extra costs (criterion 11). */
    OTHER_AVOIDED_COSTS(4);

    private final int number;

    PriorityClass(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** The class with the given number; refuses numbers outside 1..4. */
    public static PriorityClass of(int number) {
        for (PriorityClass c : values()) {
            if (c.number == number) {
                return c;
            }
        }
        throw new IllegalArgumentException("Prioritetsklasse skal være 1-4: " + number);
    }
}
