-- Ids are left to the identity columns so that PostgreSQL sequences stay in step;
-- on a fresh database the products get ids 1..30 in this order.

INSERT INTO product (sku, name, category, price, description) VALUES
    ('COF-001', 'House Blend Beans 1kg',       'coffee', 24.90, 'Medium roast, chocolate and hazelnut notes.'),
    ('COF-002', 'Single Origin Ethiopia 250g', 'coffee', 12.50, 'Bright and floral, best as pour-over.'),
    ('COF-003', 'Espresso Roast 500g',         'coffee', 15.00, 'Dark roast with low acidity.'),
    ('COF-004', 'Decaf Colombia 250g',         'coffee', 11.20, 'Swiss-water decaffeinated.'),
    ('COF-005', 'Hand Grinder',                'coffee', 59.00, 'Ceramic burrs, adjustable grind size.'),
    ('COF-006', 'Pour-over Dripper',           'coffee', 21.00, 'Porcelain dripper for size 02 filters.'),
    ('COF-007', 'Paper Filters (100)',         'coffee',  4.50, 'Unbleached, size 02.'),
    ('COF-008', 'Milk Frothing Jug',           'coffee', 18.75, 'Stainless steel, 600 ml.'),
    ('BOK-001', 'Refactoring Legacy Code',     'books',  39.99, 'Techniques for changing code without tests.'),
    ('BOK-002', 'Patterns of Migration',       'books',  34.50, 'Moving systems one slice at a time.'),
    ('BOK-003', 'SQL for Humans',              'books',  29.00, 'Relational thinking, explained plainly.'),
    ('BOK-004', 'The Reactive Primer',         'books',  31.25, 'Back-pressure, streams and schedulers.'),
    ('BOK-005', 'HTTP in Depth',               'books',  42.00, 'Caching, conditional requests and proxies.'),
    ('BOK-006', 'Serverless Field Guide',      'books',  27.80, 'Functions, cold starts and cost.'),
    ('BOK-007', 'A Gardener''s Almanac',       'books',  19.95, 'What to sow and when.'),
    ('BOK-008', 'Monoliths Are Fine',          'books',  24.00, 'An essay collection.'),
    ('GRD-001', 'Pruning Shears',              'garden', 22.40, 'Bypass blades for live wood.'),
    ('GRD-002', 'Watering Can 10l',            'garden', 16.90, 'Galvanised steel with a brass rose.'),
    ('GRD-003', 'Tomato Seeds Mix',            'garden',  3.80, 'Five heirloom varieties.'),
    ('GRD-004', 'Raised Bed Kit',              'garden', 89.00, 'Larch boards, 120 x 80 cm.'),
    ('GRD-005', 'Compost Bin',                 'garden', 45.50, 'Recycled plastic, 300 l.'),
    ('GRD-006', 'Garden Gloves',               'garden',  9.99, 'Nitrile-coated, size M.'),
    ('GRD-007', 'Hose Reel 25m',               'garden', 54.00, 'Wall-mounted with guide.'),
    ('TLS-001', 'Claw Hammer',                 'tools',  17.60, 'Fibreglass handle, 450 g head.'),
    ('TLS-002', 'Screwdriver Set (12)',        'tools',  26.30, 'Slotted, Phillips and Torx.'),
    ('TLS-003', 'Cordless Drill',              'tools', 119.00, '18 V, two batteries.'),
    ('TLS-004', 'Spirit Level 60cm',           'tools',  14.20, 'Aluminium, three vials.'),
    ('TLS-005', 'Tape Measure 5m',             'tools',   8.40, 'Auto-lock, metric and imperial.'),
    ('TLS-006', 'Utility Knife',               'tools',   7.90, 'Retractable blade with spares.'),
    ('TLS-007', 'Workbench',                   'tools', 149.00, 'Folding, beech top.');

INSERT INTO app_user (name, email) VALUES
    ('Ada Lovelace', 'ada@example.com'),
    ('Grace Hopper', 'grace@example.com');

INSERT INTO guestbook_entry (name, message) VALUES
    ('Shop owner', 'Welcome to the guestbook! Leave us a note.');
