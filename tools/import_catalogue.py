#!/usr/bin/env python3
"""Imports a district's real matter catalogue (shared/reference/district-catalogue-guangan.json) into
knowledge-base/catalogue/<department>.yaml: one entry per real matter with its national item code,
name, department, type, theme (which decides the window) and, for matters the 行政审批局 accepts, the
functional bureau whose law it applies (competentDepartment).

Usage: python3 tools/import_catalogue.py ../shared/reference/district-catalogue-guangan.json

Theme and competent department are the district's classification, made here by department and by
keywords of the matter name; a later edit of the YAML is kept only if this script is not re-run.
Unclassifiable names stop the script (nothing is guessed silently).

The catalogue has no English: the English names (nameEn) were written later, by hand, into the YAML.
A re-run keeps each item's nameEn from the existing files (matched by item code).
"""
import json, sys, os, re, hashlib, collections

DEPARTMENTS = {  # catalogue name -> (code, default theme)
    '区行政审批局': ('xzspj', None), '区人社局': ('rsj', 'social-insurance'), '区交通运输局': ('jtys', 'transport-licence'),
    '广安区税务局': ('tax', 'tax'), '区住建局': ('zjj', 'construction'), '区自然资源和规划局': ('zrzy', 'land-planning'),
    '区公安分局': ('police', 'public-security'), '区医疗保障局': ('ybj', 'medical-insurance'), '区文广旅局': ('wlj', 'culture-tourism'),
    '区教科体局': ('jyj', 'education'), '区农业农村局': ('nyj', 'agriculture'), '区司法局': ('sfj', 'legal-service'),
    '区卫健局': ('wjj', 'family-health'), '区民政局': ('mzj', 'civil-affairs'), '区市监局': ('scjg', 'business-licence'),
    '区林业局': ('lyj', 'forestry'), '区生态环境局': ('sthj', 'environment'), '区残联': ('cl', 'disability'),
    '区水务局': ('slj', 'water'), '区应急管理局': ('yjj', 'emergency'), '区政府办': ('rfb', 'civil-air-defence'),
    '区烟草专卖局': ('ycj', 'tobacco-licence'), '区气象局': ('qxj', 'meteorology'), '区退役军人事务局': ('tyjr', 'veterans'),
    '区财政局': ('czj', 'finance'), '区委办': ('dag', 'archives'), '区综合执法局': ('cgj', 'urban-management'),
    '区发改局': ('fgj', 'investment'), '区公管办': ('ggb', 'public-resources'), '区商务局': ('swj', 'business-licence'),
    '区委统战部': ('tzb', 'religion-ethnic'), '区经信局': ('jxj', 'investment'), '区消防大队': ('xf', 'construction'),
    '区统计局': ('tjj', 'credit'),
}

# Keyword rules inside one department: (keywords, theme).
THEME_RULES = {
    'rsj': [(('劳务派遣', '人力资源服务'), 'hr-service'),
            (('就业', '失业', '创业', '见习', '公益性岗位', '职业培训', '技能', '招聘', '求职', '职业介绍', '职业资格', '职称', '人才', '劳动', '工时', '欠薪', '农民工'), 'employment')],
    'jtys': [(('公路', '港口', '码头', '通航', '水上', '招标', '设计', '验收', '交工', '参建单位', '管线'), 'construction')],
    'zjj': [(('公租房', '公共租赁', '租赁补贴', '棚户区', '危房'), 'housing-security'),
            (('供水报装', '供气报装'), 'utilities'),
            (('燃气经营',), 'business-licence'),
            (('物业', '维修资金', '房地产经纪', '商品房预售', '经济适用住房', '房地产开发'), 'real-estate')],
    'zrzy': [(('林', '草', '种子', '检疫', '野生动物', '古树'), 'forestry')],
    'wjj': [(('医疗机构', '放射', '母婴保健技术', '麻醉药品', '公共场所', '医师', '医院', '义诊', '体检', '医疗技术'), 'health-licence')],
    'mzj': [(('婚', '收养'), 'marriage'),
            (('救助', '最低生活', '特困', '流浪', '孤儿', '儿童', '艾滋', '高龄'), 'social-assistance'),
            (('残疾人',), 'disability'),
            (('社会组织',), 'social-organization')],
    'scjg': [(('名称争议', '经营异常', '严重违法失信', '守合同重信用'), 'business-registration')],
    'lyj': [(('占用林地', '修筑', '工程设施'), 'land-planning')],
    'yjj': [(('自然灾害生活救助',), 'social-assistance'), (('建设项目', '坑探工程', '地震监测'), 'construction')],
    'qxj': [(('雷电防护装置',), 'construction')],
    'fgj': [(('供电报装',), 'utilities'), (('粮食收购',), 'business-licence')],
    'jyj': [(('高危险性体育',), 'business-licence')],
    'wlj': [(('游戏游艺', '娱乐场所', '艺术品经营', '演出经纪', '个体演员', '旅行社'), 'business-licence')],
    'cgj': [],
    'xf': [(('营业前消防安全检查',), 'business-licence')],
    'police': [], 'tax': [], 'ybj': [], 'nyj': [], 'sfj': [], 'sthj': [], 'cl': [], 'slj': [], 'rfb': [], 'ycj': [], 'tyjr': [],
    'czj': [], 'dag': [], 'ggb': [], 'swj': [], 'tzb': [], 'jxj': [], 'tjj': [],
}

# 行政审批局 matters: (keywords, competent department, theme) — the first rule that matches wins.
APPROVAL_BUREAU_RULES = [
    (('食品', '预包装', '计量', '特种设备', '毒性药品'), 'scjg', 'business-licence'),
    (('公共场所卫生', '饮用水供水', '医疗机构', '母婴保健', '护士', '医师', '乡村医生', '放射', '中医诊所', '职业病'), 'wjj', 'health-licence'),
    (('高危险性体育', '攀岩', '潜水', '滑雪', '游泳', '健身气功'), 'jyj', 'business-licence'),
    (('劳务派遣', '人力资源服务', '职业培训学校'), 'rsj', 'hr-service'),
    (('幼儿园', '学校', '校长', '义务教育', '校外培训', '中等及以下', '校车', '专业训练', '公共体育场', '民办教育', '教育机构'), 'jyj', 'education'),
    (('娱乐场所', '互联网上网', '演出', '出版物零售'), 'wlj', 'business-licence'),
    (('文物', '广播', '电视', '电影', '出版物', '文旅类社会团体'), 'wlj', 'culture-tourism'),
    (('不定时工作制',), 'rsj', 'employment'),
    (('取水', '河道', '水利', '大坝', '洪水', '行洪', '水库', '灌溉水源', '提灌'), 'slj', 'water'),
    (('农药', '兽药', '种子', '菌种', '种畜禽', '家畜', '家禽', '蚕种', '生鲜乳', '动物防疫', '动物诊疗', '渔业', '水产', '拖拉机', '联合收割机', '野生植物', '水生野生动物', '水域滩涂', '鱼类资源'), 'nyj', 'agriculture'),
    (('社会团体', '民办非企业', '慈善', '验资账户'), 'mzj', 'social-organization'),
    (('公益性墓地',), 'mzj', 'civil-affairs'),
    (('宗教', '民族成份'), 'tzb', 'religion-ethnic'),
    (('公路', '超限运输', '护路林', '一般设计变更'), 'jtys', 'construction'),
    (('夜间建筑施工', '挖掘城市道路'), 'zjj', 'construction'),
    (('生活垃圾', '环卫设施', '户外广告', '张挂', '临时性建筑物'), 'cgj', 'urban-management'),
    (('烟花爆竹', '危险化学品', '剧毒', '易制爆'), 'yjj', 'emergency'),
    (('节能审查',), 'fgj', 'investment'),
    (('电力设施',), 'fgj', 'utilities'),
    (('代理记账',), 'czj', 'finance'),
    (('公证员',), 'sfj', 'legal-service'),
    # last: '企业' and '公司' also occur in the names of other bureaus' matters
    (('企业', '公司', '合伙', '个人独资', '个体工商户', '农民专业合作社', '股权出质', '市场主体', '证照', '撤销变更'), 'scjg', 'business-registration'),
]


def classify(item):
    code, default = DEPARTMENTS[item['department']]
    name = item['name']
    if code == 'xzspj':
        name = name + ' ' + item.get('group', '')  # a sub-item's group names its main matter
        for words, competent, theme in APPROVAL_BUREAU_RULES:
            if any(w in name for w in words):
                return code, competent, theme
        raise SystemExit('no rule classifies the 行政审批局 matter ' + name)
    for words, theme in THEME_RULES[code]:
        if any(w in name for w in words):
            return code, None, theme
    return code, None, default


def matter_code(item_code):
    """A stable, readable code: 'gaq-' + the national basic code (the part before the district code)."""
    basic = item_code.split('-511602000000')[0]
    return 'gaq-' + re.sub(r'[^0-9a-z]+', '-', basic.lower()).strip('-')


def existing_english(out):
    """nameEn by item code from the catalogue files already written (one JSON object per item line)."""
    english = {}
    if os.path.isdir(out):
        for name in os.listdir(out):
            if name.endswith('.yaml'):
                for line in open(os.path.join(out, name), encoding='utf-8'):
                    if line.startswith('  - {'):
                        item = json.loads(line[4:])
                        if item.get('nameEn'):
                            english[item['itemCode']] = item['nameEn']
    return english


def main(path):
    data = json.load(open(path, encoding='utf-8'))
    out = os.path.join(os.path.dirname(__file__), '..', 'knowledge-base', 'catalogue')
    english = existing_english(out)
    by_dept = collections.defaultdict(list)
    seen = collections.Counter()
    for item in data['items']:
        dept, competent, theme = classify(item)
        code = matter_code(item['itemCode'])
        seen[code] += 1
        if seen[code] > 1:
            code = f'{code}-{seen[code]}'
        entry = {'code': code, 'itemCode': item['itemCode'], 'name': item['name']}
        if item['itemCode'] in english:
            entry['nameEn'] = english[item['itemCode']]
        entry.update({'type': item['type'], 'theme': theme})
        if competent:
            entry['competentDepartment'] = competent
        if item.get('group') and item['group'] != '未分类':
            entry['group'] = item['group']
        by_dept[(dept, item['department'])].append(entry)
    os.makedirs(out, exist_ok=True)
    for (dept, cname), entries in sorted(by_dept.items()):
        with open(os.path.join(out, dept + '.yaml'), 'w', encoding='utf-8') as f:
            f.write('# 目录事项 — generated by tools/import_catalogue.py from the real catalogue; see docs/knowledge-base.md\n')
            f.write(f'department: {dept}\n')
            f.write(f'catalogueDepartment: {cname}\n')
            f.write('source: ' + json.dumps(data['source'], ensure_ascii=False) + '\n')
            f.write('items:\n')
            for e in entries:
                f.write('  - ' + json.dumps(e, ensure_ascii=False) + '\n')
    print({d: len(v) for (d, _), v in by_dept.items()})


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '../shared/reference/district-catalogue-guangan.json')
