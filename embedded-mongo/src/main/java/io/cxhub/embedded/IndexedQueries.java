package io.cxhub.embedded;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query planner of the embedded server's secondary indexes. For a filter it finds, per
 * index, the longest prefix of index fields pinned by equality ({@code value}, {@code $eq},
 * {@code $in}), then at most one range on the next field ({@code $gt/$gte/$lt/$lte} within
 * one type bracket, or {@code null} and {@code $exists: false}: absent and null share one
 * key, as they sort alike); after all index
 * fields, the {@code _id} that ends every entry can take the range too. It also tells
 * whether walking those ranges yields documents already in the requested sort order, so a
 * sorted, limited find reads only the documents it returns. The planner only narrows the
 * candidates: every candidate is still matched against the whole filter, so an index never
 * changes an answer, only its cost.
 */
final class IndexedQueries {

  /** Bounds on one field collected from the filter. */
  static final class FieldBounds {
    /** Encoded point values (exact equality), or null when there are none. */
    Set<Object> points;
    boolean existsFalse;
    boolean nullEquality;
    Object low;
    boolean lowInclusive;
    Object high;
    boolean highInclusive;

    boolean hasPoints() {
      return points != null;
    }

    boolean hasRange() {
      return low != null || high != null || nullEquality || existsFalse;
    }
  }

  /** How to read one query through one index. */
  record Plan(SecondaryIndex index, List<String[]> ranges, boolean reverse, boolean providesSort,
      boolean distinct, int equalityFields, boolean rangeUsed, Document sortPrefix) {

    String describe() {
      return "IXSCAN " + index.getName() + " (" + equalityFields + " equality field(s)"
          + (rangeUsed ? ", a range" : "") + (providesSort ? ", sorted by the index" : "")
          + (sortPrefix != null ? ", sorted by the index on " + sortPrefix.keySet() + " then in memory" : "")
          + (reverse ? ", backwards" : "") + ", " + ranges.size() + " range(s))";
    }
  }

  private static final int MAX_RANGES = 1024;
  private static final String ID = "_id";

  private IndexedQueries() {
  }

  /**
   * Collects the bounds of the top-level conjunction of a filter (fields and {@code $and}).
   * Returns null when the filter has a top-level {@code $or}, {@code $nor} or {@code $where}
   * shape the planner does not narrow (the caller then scans).
   */
  static Map<String, FieldBounds> bounds(Document filter) {
    Map<String, FieldBounds> bounds = new LinkedHashMap<>();
    collect(filter, bounds);
    return bounds;
  }

  private static void collect(Document filter, Map<String, FieldBounds> bounds) {
    for (Map.Entry<String, Object> entry : filter.entrySet()) {
      String field = entry.getKey();
      Object condition = entry.getValue();
      if (field.equals("$and") && condition instanceof Collection<?> parts) {
        for (Object part : parts) {
          if (part instanceof Document d) {
            collect(d, bounds);
          }
        }
        continue;
      }
      if (field.equals("$or") && condition instanceof Collection<?> branches) {
        orBounds(branches, bounds);
        continue;
      }
      if (field.startsWith("$")) {
        continue; // $nor, $expr, $comment...: matched afterwards, no bound
      }
      FieldBounds b = bounds.computeIfAbsent(field, f -> new FieldBounds());
      if (condition instanceof Document expression && isOperatorExpression(expression)) {
        for (Map.Entry<String, Object> op : expression.entrySet()) {
          Object v = op.getValue();
          switch (op.getKey()) {
            case "$eq" -> addPoint(b, v);
            case "$in" -> {
              if (v instanceof Collection<?> values && !values.isEmpty()
                  && values.stream().allMatch(IndexKeyCodec::isBoundable) && b.points == null) {
                b.points = new LinkedHashSet<>(values);
              }
            }
            case "$exists" -> {
              if (Boolean.FALSE.equals(v) || (v instanceof Number n && n.intValue() == 0)) {
                b.existsFalse = true;
              }
            }
            case "$gt", "$gte" -> {
              if (IndexKeyCodec.isBoundable(v) && b.low == null) {
                b.low = v;
                b.lowInclusive = op.getKey().equals("$gte");
              }
            }
            case "$lt", "$lte" -> {
              if (IndexKeyCodec.isBoundable(v) && b.high == null) {
                b.high = v;
                b.highInclusive = op.getKey().equals("$lte");
              }
            }
            default -> {
              // $ne, $nin, $regex, $elemMatch, $size...: matched afterwards
            }
          }
        }
      } else {
        addPoint(b, condition);
      }
    }
  }

  /**
   * A field bounded in every branch of an {@code $or} is bounded by their union: the keyset
   * condition {@code {$or: [{t: {$lt: x}}, {t: x, id: {$lt: y}}]}} gives {@code t <= x}.
   * Only used for a field the conjunction does not bound itself.
   */
  private static void orBounds(Collection<?> branches, Map<String, FieldBounds> bounds) {
    List<Map<String, FieldBounds>> perBranch = new ArrayList<>();
    for (Object branch : branches) {
      if (!(branch instanceof Document d)) {
        return;
      }
      Map<String, FieldBounds> b = new LinkedHashMap<>();
      collect(d, b);
      perBranch.add(b);
    }
    if (perBranch.isEmpty()) {
      return;
    }
    for (String field : perBranch.get(0).keySet()) {
      FieldBounds union = null;
      for (Map<String, FieldBounds> branch : perBranch) {
        FieldBounds b = branch.get(field);
        if (b == null || b.nullEquality || b.existsFalse) {
          union = null;
          break;
        }
        FieldBounds asRange = asRange(b);
        if (asRange == null) {
          union = null;
          break;
        }
        union = union == null ? asRange : widen(union, asRange);
        if (union == null) {
          break;
        }
      }
      if (union != null && (union.low != null || union.high != null) && !bounds.containsKey(field)) {
        bounds.put(field, union);
      }
    }
  }

  /** The bounds as one range (points become their min..max), or null if they span type brackets. */
  private static FieldBounds asRange(FieldBounds b) {
    FieldBounds r = new FieldBounds();
    if (b.points != null) {
      for (Object p : b.points) {
        if (r.low == null || compare(p, r.low) < 0) {
          r.low = p;
        }
        if (r.high == null || compare(p, r.high) > 0) {
          r.high = p;
        }
      }
      if (r.low == null || IndexKeyCodec.typeTag(r.low) != IndexKeyCodec.typeTag(r.high)) {
        return null;
      }
      r.lowInclusive = true;
      r.highInclusive = true;
      return r;
    }
    r.low = b.low;
    r.lowInclusive = b.lowInclusive;
    r.high = b.high;
    r.highInclusive = b.highInclusive;
    if (r.low != null && r.high != null && IndexKeyCodec.typeTag(r.low) != IndexKeyCodec.typeTag(r.high)) {
      return null;
    }
    return r.low == null && r.high == null ? null : r;
  }

  private static FieldBounds widen(FieldBounds a, FieldBounds b) {
    Object tagged = a.low != null ? a.low : a.high;
    Object otherTagged = b.low != null ? b.low : b.high;
    if (IndexKeyCodec.typeTag(tagged) != IndexKeyCodec.typeTag(otherTagged)) {
      return null;
    }
    FieldBounds r = new FieldBounds();
    if (a.low != null && b.low != null) {
      int c = compare(a.low, b.low);
      r.low = c <= 0 ? a.low : b.low;
      r.lowInclusive = c == 0 ? a.lowInclusive || b.lowInclusive : c < 0 ? a.lowInclusive : b.lowInclusive;
    }
    if (a.high != null && b.high != null) {
      int c = compare(a.high, b.high);
      r.high = c >= 0 ? a.high : b.high;
      r.highInclusive = c == 0 ? a.highInclusive || b.highInclusive : c > 0 ? a.highInclusive : b.highInclusive;
    }
    return r.low == null && r.high == null ? null : r;
  }

  private static int compare(Object a, Object b) {
    return IndexKeyCodec.encode(a).compareTo(IndexKeyCodec.encode(b));
  }

  private static void addPoint(FieldBounds b, Object value) {
    if (value == null) {
      b.nullEquality = true;
    } else if (IndexKeyCodec.isBoundable(value) && b.points == null) {
      b.points = new LinkedHashSet<>(List.of(value));
    }
  }

  private static boolean isOperatorExpression(Document expression) {
    return !expression.isEmpty() && expression.keySet().stream().allMatch(k -> k.startsWith("$"));
  }

  /** The best plan among the indexes, or null if none narrows the query or serves its sort. */
  static Plan plan(List<SecondaryIndex> indexes, Document filter, Document orderBy, int limit) {
    if (indexes.isEmpty() || (orderBy != null && orderBy.containsKey("$natural"))) {
      return null;
    }
    Map<String, FieldBounds> bounds = bounds(filter);
    List<Plan> plans = new ArrayList<>();
    List<Long> entries = new ArrayList<>();
    long smallest = Long.MAX_VALUE;
    for (SecondaryIndex index : indexes) {
      Plan plan = plan(index, bounds, orderBy);
      if (plan == null) {
        continue;
      }
      boolean sorts = (plan.providesSort || plan.sortPrefix != null) && orderBy != null && !orderBy.isEmpty();
      if (plan.equalityFields == 0 && !plan.rangeUsed && !(sorts && limit > 0)) {
        continue; // would read the whole index
      }
      long count = 0;
      for (String[] range : plan.ranges) {
        count += index.count(range[0], range[1]);
      }
      plans.add(plan);
      entries.add(count);
      smallest = Math.min(smallest, count);
    }
    // Cost = index entries expected to be read. An unsorted plan reads all its ranges; a plan
    // in the requested order stops after `limit` matches, which takes limit x (its entries /
    // the result), the result being at most the smallest plan's entries.
    Plan best = null;
    double bestCost = Double.MAX_VALUE;
    for (int i = 0; i < plans.size(); i++) {
      Plan plan = plans.get(i);
      long count = entries.get(i);
      boolean sorts = (plan.providesSort || plan.sortPrefix != null) && orderBy != null && !orderBy.isEmpty();
      double cost = count;
      if (limit > 0 && (sorts || orderBy == null || orderBy.isEmpty())) {
        cost = Math.min(count, (double) limit * count / Math.max(1, smallest));
      }
      if (!sorts && orderBy != null && !orderBy.isEmpty()) {
        cost *= 1.1; // and sorts in memory
      }
      if (best == null || cost < bestCost) {
        best = plan;
        bestCost = cost;
      }
    }
    return best;
  }

  private static Plan plan(SecondaryIndex index, Map<String, FieldBounds> bounds, Document orderBy) {
    List<IndexKey> keys = new ArrayList<>(index.getKeys());
    boolean multikey = index.isMultikey();
    boolean sparse = index.isSparse();
    List<String> prefixes = new ArrayList<>(List.of(""));
    int equalityFields = 0;
    boolean singlePoint = true;
    String[] range = null;
    int field = 0;
    int fields = keys.size() + 1; // the _id ends every entry
    for (; field < fields; field++) {
      boolean isId = field == keys.size();
      String name = isId ? ID : keys.get(field).getKey();
      boolean ascending = isId ? index.idAscending() : keys.get(field).isAscending();
      FieldBounds b = bounds.get(name);
      if (b == null) {
        break;
      }
      if (b.hasPoints()) {
        List<String> components = new ArrayList<>();
        for (Object point : b.points) {
          components.add(directed(IndexKeyCodec.encode(point), ascending));
        }
        if ((long) prefixes.size() * components.size() > MAX_RANGES) {
          break;
        }
        List<String> product = new ArrayList<>();
        for (String p : prefixes) {
          for (String c : components) {
            product.add(p + c);
          }
        }
        prefixes = product;
        equalityFields++;
        if (components.size() > 1) {
          singlePoint = false;
        }
        continue;
      }
      if (b.hasRange() && !multikey && !(sparse && (b.nullEquality || b.existsFalse))) {
        range = rangeOf(b, ascending);
      }
      break;
    }
    List<String[]> ranges = new ArrayList<>(prefixes.size());
    for (String p : prefixes) {
      if (range != null) {
        ranges.add(new String[] {p + range[0], range[1] == null ? IndexKeyCodec.successor(p) : p + range[1]});
      } else {
        ranges.add(new String[] {p.isEmpty() ? null : p, p.isEmpty() ? null : IndexKeyCodec.successor(p)});
      }
    }
    if (equalityFields == 0 && range == null && sparse) {
      return null; // a sparse index does not list every document
    }
    SortMatch sort = sortDirection(index, keys, bounds, orderBy, equalityFields, singlePoint && ranges.size() == 1);
    boolean providesSort = sort != null && sort.complete;
    Document sortPrefix = sort != null && !sort.complete ? sort.prefix : null;
    return new Plan(index, ranges, sort != null && sort.reverse, providesSort, multikey, equalityFields,
        range != null, sortPrefix);
  }

  /** How much of a sort the index order gives: all of it, or its first fields ({@code prefix}). */
  private record SortMatch(boolean reverse, boolean complete, Document prefix) {
  }

  /** Relative to {@code prefix}: the [from, to) of one field's range ({@code to} null: to the end). */
  private static String[] rangeOf(FieldBounds b, boolean ascending) {
    if (b.nullEquality || b.existsFalse) {
      String tag = String.valueOf(IndexKeyCodec.T_NULL);
      return ascending
          ? new String[] {tag, IndexKeyCodec.successor(tag)}
          : new String[] {IndexKeyCodec.invert(tag), IndexKeyCodec.successor(IndexKeyCodec.invert(tag))};
    }
    Object low = b.low;
    Object high = b.high;
    if (low != null && high != null && IndexKeyCodec.typeTag(low) != IndexKeyCodec.typeTag(high)) {
      high = null; // different type brackets: nothing matches both; keep the lower one
    }
    String tag = String.valueOf(IndexKeyCodec.typeTag(low != null ? low : high));
    if (ascending) {
      String from = low == null ? tag
          : b.lowInclusive ? IndexKeyCodec.encode(low) : IndexKeyCodec.successor(IndexKeyCodec.encode(low));
      String to = high == null ? IndexKeyCodec.successor(tag)
          : b.highInclusive ? IndexKeyCodec.successor(IndexKeyCodec.encode(high)) : IndexKeyCodec.encode(high);
      return new String[] {from, to};
    }
    String itag = IndexKeyCodec.invert(tag);
    String from = high == null ? itag
        : b.highInclusive ? IndexKeyCodec.invert(IndexKeyCodec.encode(high))
        : IndexKeyCodec.successor(IndexKeyCodec.invert(IndexKeyCodec.encode(high)));
    String to = low == null ? IndexKeyCodec.successor(itag)
        : b.lowInclusive ? IndexKeyCodec.successor(IndexKeyCodec.invert(IndexKeyCodec.encode(low)))
        : IndexKeyCodec.invert(IndexKeyCodec.encode(low));
    return new String[] {from, to};
  }

  /**
   * Whether reading the index forwards or backwards yields the requested order, entirely or
   * on the sort's first fields (the rest is then sorted in memory, group by group); null if
   * neither. Fields pinned to one value are constant and drop out of the sort.
   */
  private static SortMatch sortDirection(SecondaryIndex index, List<IndexKey> keys, Map<String, FieldBounds> bounds,
      Document orderBy, int equalityFields, boolean singleRange) {
    if (orderBy == null || orderBy.isEmpty()) {
      return new SortMatch(false, true, null);
    }
    if (!singleRange || index.isMultikey() || index.isUnordered() || index.isSparse()) {
      return null;
    }
    Boolean reverse = null;
    int position = equalityFields;
    Document prefix = new Document();
    for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
      String field = sort.getKey();
      if (!(sort.getValue() instanceof Number n)) {
        return null;
      }
      boolean wantAscending = n.intValue() >= 0;
      FieldBounds b = bounds.get(field);
      if (b != null && b.points != null && b.points.size() == 1) {
        prefix.append(field, sort.getValue());
        continue; // constant among the results
      }
      boolean indexAscending;
      if (position < keys.size() && keys.get(position).getKey().equals(field)) {
        indexAscending = keys.get(position).isAscending();
      } else if (position == keys.size() && field.equals(ID)) {
        indexAscending = index.idAscending();
      } else {
        return prefix.isEmpty() || reverse == null ? null : new SortMatch(reverse, false, prefix);
      }
      boolean backwards = indexAscending != wantAscending;
      if (reverse != null && reverse != backwards) {
        return prefix.isEmpty() ? null : new SortMatch(reverse, false, prefix);
      }
      reverse = backwards;
      prefix.append(field, sort.getValue());
      position++;
    }
    return new SortMatch(reverse != null && reverse, true, null);
  }

  private static String directed(String encoded, boolean ascending) {
    return ascending ? encoded : IndexKeyCodec.invert(encoded);
  }
}
