package io.iamlocal.protocol.xml;

/**
 * An output structure whose members can be read by position, in the order they were added. When
 * their names are the model's own (interned) member names in model order, {@link XmlResponseWriter}
 * walks them alongside the shape's members instead of looking each model member up in the map.
 */
public interface OrderedMembers {
  /** How many members there are. */
  int size();

  /** The name of the member at {@code index}. */
  String nameAt(int index);

  /** The value of the member at {@code index} (null: left out). */
  Object valueAt(int index);
}
