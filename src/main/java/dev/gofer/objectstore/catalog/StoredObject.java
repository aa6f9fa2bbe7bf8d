package dev.gofer.objectstore.catalog;

/**
 * A catalog row of an object: its entry plus the row id that orders objects of equal age.
 */
record StoredObject(long id, ObjectEntry entry) {

}
