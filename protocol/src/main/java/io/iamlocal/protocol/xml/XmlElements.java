package io.iamlocal.protocol.xml;

import io.iamlocal.protocol.model.Shape;
import io.iamlocal.protocol.model.ShapeType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The elements a shape's value is written as, derived once per shape ({@link Shape#derived}): a
 * structure's members in model order, a list's {@code member}, a map's {@code key} and {@code
 * value}, each with its tags already encoded. Encoding each name at every response was a sixth of
 * the writer's time.
 */
final class XmlElements {
  /**
   * An element: its name (interned, as the handlers' literal member names are), shape, the shape's
   * type (read once, not through the shape's definition per element) and tags.
   */
  record Element(String name, Shape shape, ShapeType type, byte[] open, byte[] close) {
    static Element of(String name, Shape shape) {
      return new Element(
          name.intern(),
          shape,
          shape.type(),
          ("<" + name + ">").getBytes(StandardCharsets.UTF_8),
          ("</" + name + ">\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A structure's members in model order; empty for other shapes. */
  final Element[] members;

  /** A list's item element, a map's key element, or null. */
  final Element item;

  /** A map's value element, or null. */
  final Element value;

  private XmlElements(Element[] members, Element item, Element value) {
    this.members = members;
    this.item = item;
    this.value = value;
  }

  static XmlElements of(Shape shape) {
    return shape.derived(XmlElements.class, XmlElements::derive);
  }

  private static XmlElements derive(Shape shape) {
    ShapeType type = shape.type();
    if (type == ShapeType.STRUCTURE) {
      List<Shape.Member> members = shape.membersWithShapes();
      Element[] elements = new Element[members.size()];
      for (int i = 0; i < elements.length; i++) {
        elements[i] = Element.of(members.get(i).name(), members.get(i).shape());
      }
      return new XmlElements(elements, null, null);
    }
    if (type == ShapeType.LIST) {
      return new XmlElements(new Element[0], Element.of("member", shape.listMember()), null);
    }
    if (type == ShapeType.MAP) {
      return new XmlElements(
          new Element[0], Element.of("key", shape.mapKey()), Element.of("value", shape.mapValue()));
    }
    return new XmlElements(new Element[0], null, null);
  }
}
