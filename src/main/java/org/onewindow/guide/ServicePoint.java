package org.onewindow.guide;

import java.util.List;

/**
 * A place besides the service hall where some matters are accepted: a town or sub-district
 * (镇街) service centre. {@code matters} lists the matters it accepts; {@code basis} says why they
 * may be applied for there.
 */
public record ServicePoint(String code, String name, String nameEn, String kind, String description,
        String descriptionEn, List<String> matters, String basis) implements java.io.Serializable {

    public ServicePoint {
        matters = matters == null ? List.of() : List.copyOf(matters);
    }
}
