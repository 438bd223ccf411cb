package io.cxhub.embedded;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.h2.mvstore.MVMap;

/**
 * A non-unique (and possibly compound, descending or multikey) index kept in an MVStore map
 * of the same file as the documents, so an index entry is committed in the same durable
 * commit as its document. Each entry's key is the ordered encoding of the indexed values
 * followed by the document's {@code _id} (see {@link IndexKeyCodec}, and {@link #idAscending()}); its value is the
 * document's position (its {@code _id}). {@link IndexedQueries} plans queries over it.
 *
 * <p>Two flags are kept in the map itself, under keys that sort before every entry: whether
 * some document holds an array in an indexed field (the index is multikey: ranges and sorts
 * are not served from it), and whether some indexed value has a type whose order the
 * encoding does not reproduce (no sort from it).
 */
final class SecondaryIndex extends Index<Object> {

  static final String FLAG_MULTIKEY = "\u0000multikey";
  static final String FLAG_UNORDERED = "\u0000unordered";
  private static final String ID_FIELD = "_id";

  private final MVMap<String, Object> map;
  private volatile boolean multikey;
  private volatile boolean unordered;

  SecondaryIndex(MVMap<String, Object> map, String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
    this.map = map;
    this.multikey = map.containsKey(FLAG_MULTIKEY);
    this.unordered = map.containsKey(FLAG_UNORDERED);
  }

  /**
   * The {@code _id} that ends each entry runs in the direction of the last indexed field, so
   * that {@code {at: -1}} serves the keyset order {@code {at: -1, _id: -1}}.
   */
  boolean idAscending() {
    List<IndexKey> keys = getKeys();
    return keys.get(keys.size() - 1).isAscending();
  }

  boolean isMultikey() {
    return multikey;
  }

  boolean isUnordered() {
    return unordered;
  }

  @Override
  public boolean isSparse() {
    return super.isSparse();
  }

  MVMap<String, Object> map() {
    return map;
  }

  /** The entry keys of a document: one per combination of its indexed (array) values. */
  Set<String> entryKeys(Document document) {
    List<IndexKey> keys = getKeys();
    List<String> prefixes = new ArrayList<>(List.of(""));
    boolean allMissing = true;
    for (IndexKey key : keys) {
      Object value = Utils.getSubdocumentValueCollectionAware(document, key.getKey());
      if (!(value instanceof de.bwaldvogel.mongo.backend.Missing)) {
        allMissing = false;
      }
      List<String> components = new ArrayList<>(1);
      if (value instanceof Collection<?> values && !values.isEmpty()) {
        markMultikey();
        Set<String> distinct = new LinkedHashSet<>();
        for (Object element : values) {
          distinct.add(component(element, key.isAscending()));
        }
        components.addAll(distinct);
      } else {
        components.add(component(value, key.isAscending()));
      }
      if (components.size() == 1) {
        String c = components.get(0);
        prefixes.replaceAll(p -> p + c);
      } else {
        List<String> product = new ArrayList<>(prefixes.size() * components.size());
        for (String p : prefixes) {
          for (String c : components) {
            product.add(p + c);
          }
        }
        prefixes = product;
      }
    }
    if (allMissing && isSparse()) {
      return Set.of();
    }
    StringBuilder id = new StringBuilder();
    if (!IndexKeyCodec.encode(document.get(ID_FIELD), id)) {
      markUnordered();
    }
    String idSuffix = idAscending() ? id.toString() : IndexKeyCodec.invert(id.toString());
    Set<String> entries = new LinkedHashSet<>(prefixes.size() * 2);
    for (String p : prefixes) {
      entries.add(p + idSuffix);
    }
    return entries;
  }

  private String component(Object value, boolean ascending) {
    StringBuilder sb = new StringBuilder(16);
    if (!IndexKeyCodec.encode(value, sb)) {
      markUnordered();
    }
    return ascending ? sb.toString() : IndexKeyCodec.invert(sb.toString());
  }

  private void markMultikey() {
    if (!multikey) {
      multikey = true;
      map.put(FLAG_MULTIKEY, Boolean.TRUE);
    }
  }

  private void markUnordered() {
    if (!unordered) {
      unordered = true;
      map.put(FLAG_UNORDERED, Boolean.TRUE);
    }
  }

  @Override
  public Object getPosition(Document document) {
    return null; // positions come from the _id index
  }

  @Override
  public void checkAdd(Document document, MongoCollection<Object> collection) {
    entryKeys(document); // fails early on documents it cannot index; nothing is unique
  }

  @Override
  public void add(Document document, Object position, MongoCollection<Object> collection) {
    for (String key : entryKeys(document)) {
      map.put(key, position);
    }
  }

  @Override
  public Object remove(Document document) {
    for (String key : entryKeys(document)) {
      map.remove(key);
    }
    return document.get(ID_FIELD);
  }

  @Override
  public boolean canHandle(Document query) {
    return false; // planned by IndexedQueries, not by the generic exact-key lookup
  }

  @Override
  public Iterable<Object> getPositions(Document query) {
    throw new UnsupportedOperationException("secondary indexes are read through IndexedQueries");
  }

  @Override
  public long getCount() {
    long size = map.sizeAsLong();
    if (multikey) {
      size--;
    }
    if (unordered) {
      size--;
    }
    return size;
  }

  @Override
  public boolean isEmpty() {
    return getCount() <= 0;
  }

  @Override
  public long getDataSize() {
    return getCount();
  }

  @Override
  public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
    entryKeys(newDocument);
  }

  @Override
  public void updateInPlace(Document oldDocument, Document newDocument, Object position,
      MongoCollection<Object> collection) {
    Set<String> before = entryKeys(oldDocument);
    Set<String> after = entryKeys(newDocument);
    if (before.equals(after)) {
      return;
    }
    for (String key : before) {
      if (!after.contains(key)) {
        map.remove(key);
      }
    }
    for (String key : after) {
      if (!before.contains(key)) {
        map.put(key, position);
      }
    }
  }

  /** Removes every entry (the index is then rebuilt from the documents). */
  void clear() {
    map.clear();
    multikey = false;
    unordered = false;
  }

  @Override
  public void drop() {
    map.clear();
  }

  /** How many entries have keys in {@code [from, to)} (null: unbounded); O(log n). */
  long count(String from, String to) {
    return rank(to == null ? null : to) - rank(from == null ? "\u0001" : from);
  }

  private long rank(String key) {
    if (key == null) {
      return map.sizeAsLong();
    }
    long index = map.getKeyIndex(key);
    return index >= 0 ? index : -(index + 1);
  }

  /** Iterates the entries with keys in {@code [from, to)} (null: unbounded), backwards if asked. */
  Iterable<Map.Entry<String, Object>> range(String from, String to, boolean reverse) {
    return () -> new RangeIterator(map, from, to, reverse);
  }

  private static final class RangeIterator implements java.util.Iterator<Map.Entry<String, Object>> {
    private final org.h2.mvstore.Cursor<String, Object> cursor;
    private final String from;
    private final String to;
    private final boolean reverse;
    private Map.Entry<String, Object> next;

    RangeIterator(MVMap<String, Object> map, String from, String to, boolean reverse) {
      this.from = from;
      this.to = to;
      this.reverse = reverse;
      if (reverse) {
        String start = to == null ? map.lastKey() : map.lowerKey(to);
        this.cursor = start == null ? null : map.cursor(start, null, true);
      } else {
        String start = from == null ? map.firstKey() : map.ceilingKey(from);
        this.cursor = start == null ? null : map.cursor(start, null, false);
      }
      advance();
    }

    private void advance() {
      next = null;
      while (cursor != null && cursor.hasNext()) {
        String key = cursor.next();
        if (key.charAt(0) == 0) {
          if (reverse) {
            return; // the flags sort first: nothing below them
          }
          continue;
        }
        if (reverse ? (from != null && key.compareTo(from) < 0) : (to != null && key.compareTo(to) >= 0)) {
          return;
        }
        next = Map.entry(key, cursor.getValue());
        return;
      }
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public Map.Entry<String, Object> next() {
      if (next == null) {
        throw new java.util.NoSuchElementException();
      }
      Map.Entry<String, Object> current = next;
      advance();
      return current;
    }
  }
}
