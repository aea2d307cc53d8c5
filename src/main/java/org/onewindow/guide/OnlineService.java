package org.onewindow.guide;

/** 网上办理深度 (I–IV), 到办事现场次数, and where to apply online. */
public record OnlineService(String depth, int visits, String url) implements java.io.Serializable {
}
