"""Chinese wording of the production pieces' interface strings (503 page, admin lockout)."""

TRANSLATIONS = {
    "Temporarily unavailable": "暂时无法访问",
    "The site is briefly unavailable": "网站暂时无法访问",
    "We are working on it. Please try again in a minute or two.": "我们正在处理，请稍等一两分钟后再试。",
    "Too many failed sign-in attempts. Please try again later.": "登录失败次数过多，请稍后再试。",
    # Sign-in lockouts in the Wagtail admin (website/lockouts.py)
    "Sign-in lockouts": "登录锁定",
    "Unlock an address": "解除地址锁定",
    "%(address)s may sign in again.": "%(address)s 已可再次登录。",
    "An address is locked out of the admin after %(limit)s failed sign-ins; the failures are forgotten after %(minutes)s minutes.": "同一地址登录失败 %(limit)s 次后即被锁定，无法进入管理后台；失败记录在 %(minutes)s 分钟后清除。",
    "An address is locked out of the admin after %(limit)s failed sign-ins, until it is unlocked here.": "同一地址登录失败 %(limit)s 次后即被锁定，无法进入管理后台，直至在此解除锁定。",
    "Usernames tried": "尝试的用户名",
    "Failures": "失败次数",
    "Last attempt": "最近一次尝试",
    "Actions": "操作",
    "Locked out": "已锁定",
    "Not locked out": "未锁定",
    "Unlock": "解除锁定",
    "No failed sign-ins count towards a lockout now.": "目前没有计入锁定的登录失败记录。",
    "Forget the %(failures)s failed sign-ins from %(address)s? Anyone at that address may then try to sign in again.": "清除来自 %(address)s 的 %(failures)s 次登录失败记录？此后该地址的任何人都可以再次尝试登录。",
    "Usernames tried:": "尝试的用户名：",
    "Yes, unlock": "是，解除锁定",
    "No, go back": "否，返回",
}
