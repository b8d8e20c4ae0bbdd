/// The locales as Hugo 0.111 prints them, read back from what it printed into
/// `TimeLocaleTable+Hugo.swift`, and the locale keys Hugo knows.
extension TimeLocale {
    /// Every language Hugo knows, and each regional locale that prints otherwise than its
    /// language (`en_gb`, `pt_pt`); the other regional locales print as their language does.
    static let tabled = TimeLocaleTable(TimeLocaleTable.hugo)

    static let english = tabled["en"]!

    /// The locale keys of Hugo 0.111's locale library (lower case, `_` between the parts): a
    /// language whose key is not here falls back to the default content language's locale.
    /// Written by `scripts/hugo-oracle/time/known-locales.py`.
    static let knownToHugo: Set<String> = Set("""
        af af_na af_za agq agq_cm ak ak_gh am am_et ar ar_001 ar_ae ar_bh ar_dj ar_dz ar_eg ar_eh ar_er
        ar_il ar_iq ar_jo ar_km ar_kw ar_lb ar_ly ar_ma ar_mr ar_om ar_ps ar_qa ar_sa ar_sd ar_so ar_ss
        ar_sy ar_td ar_tn ar_ye as as_in asa asa_tz ast ast_es az az_cyrl az_cyrl_az az_latn az_latn_az bas
        bas_cm be be_by bem bem_zm bez bez_tz bg bg_bg bm bm_ml bn bn_bd bn_in bo bo_cn bo_in br br_fr brx
        brx_in bs bs_cyrl bs_cyrl_ba bs_latn bs_latn_ba ca ca_ad ca_es ca_fr ca_it ccp ccp_bd ccp_in ce
        ce_ru ceb ceb_ph cgg cgg_ug chr chr_us ckb ckb_iq ckb_ir cs cs_cz cy cy_gb da da_dk da_gl dav dav_ke
        de de_at de_be de_ch de_de de_it de_li de_lu dje dje_ne dsb dsb_de dua dua_cm dyo dyo_sn dz dz_bt
        ebu ebu_ke ee ee_gh ee_tg el el_cy el_gr en en_001 en_150 en_ae en_ag en_ai en_as en_at en_au en_bb
        en_be en_bi en_bm en_bs en_bw en_bz en_ca en_cc en_ch en_ck en_cm en_cx en_cy en_de en_dg en_dk
        en_dm en_er en_fi en_fj en_fk en_fm en_gb en_gd en_gg en_gh en_gi en_gm en_gu en_gy en_hk en_ie
        en_il en_im en_in en_io en_je en_jm en_ke en_ki en_kn en_ky en_lc en_lr en_ls en_mg en_mh en_mo
        en_mp en_ms en_mt en_mu en_mw en_my en_na en_nf en_ng en_nl en_nr en_nu en_nz en_pg en_ph en_pk
        en_pn en_pr en_pw en_rw en_sb en_sc en_sd en_se en_sg en_sh en_si en_sl en_ss en_sx en_sz en_tc
        en_tk en_to en_tt en_tv en_tz en_ug en_um en_us en_us_posix en_vc en_vg en_vi en_vu en_ws en_za
        en_zm en_zw eo eo_001 es es_419 es_ar es_bo es_br es_bz es_cl es_co es_cr es_cu es_do es_ea es_ec
        es_es es_gq es_gt es_hn es_ic es_mx es_ni es_pa es_pe es_ph es_pr es_py es_sv es_us es_uy es_ve et
        et_ee eu eu_es ewo ewo_cm fa fa_af fa_ir ff ff_latn ff_latn_bf ff_latn_cm ff_latn_gh ff_latn_gm
        ff_latn_gn ff_latn_gw ff_latn_lr ff_latn_mr ff_latn_ne ff_latn_ng ff_latn_sl ff_latn_sn fi fi_fi fil
        fil_ph fo fo_dk fo_fo fr fr_be fr_bf fr_bi fr_bj fr_bl fr_ca fr_cd fr_cf fr_cg fr_ch fr_ci fr_cm
        fr_dj fr_dz fr_fr fr_ga fr_gf fr_gn fr_gp fr_gq fr_ht fr_km fr_lu fr_ma fr_mc fr_mf fr_mg fr_ml
        fr_mq fr_mr fr_mu fr_nc fr_ne fr_pf fr_pm fr_re fr_rw fr_sc fr_sn fr_sy fr_td fr_tg fr_tn fr_vu
        fr_wf fr_yt fur fur_it fy fy_nl ga ga_gb ga_ie gd gd_gb gl gl_es gsw gsw_ch gsw_fr gsw_li gu gu_in
        guz guz_ke gv gv_im ha ha_gh ha_ne ha_ng haw haw_us he he_il hi hi_in hr hr_ba hr_hr hsb hsb_de hu
        hu_hu hy hy_am ia ia_001 id id_id ig ig_ng ii ii_cn is is_is it it_ch it_it it_sm it_va ja ja_jp jgo
        jgo_cm jmc jmc_tz jv jv_id ka ka_ge kab kab_dz kam kam_ke kde kde_tz kea kea_cv khq khq_ml ki ki_ke
        kk kk_kz kkj kkj_cm kl kl_gl kln kln_ke km km_kh kn kn_in ko ko_kp ko_kr kok ks ksb ksb_tz ksf
        ksf_cm ksh ksh_de ku ku_tr kw kw_gb ky ky_kg lag lag_tz lb lb_lu lg lg_ug lkt lkt_us ln ln_ao ln_cd
        ln_cf ln_cg lo lo_la lrc lrc_iq lrc_ir lt lt_lt lu lu_cd luo luo_ke luy luy_ke lv lv_lv mas mas_ke
        mas_tz mer mer_ke mfe mfe_mu mg mg_mg mgh mgh_mz mgo mgo_cm mi mi_nz mk mk_mk ml ml_in mn mn_mn mr
        mr_in ms ms_bn ms_my ms_sg mt mt_mt mua mua_cm my my_mm mzn mzn_ir naq naq_na nb nb_no nb_sj nd
        nd_zw nds nds_de nds_nl ne ne_in ne_np nl nl_aw nl_be nl_bq nl_cw nl_nl nl_sr nl_sx nmg nmg_cm nn
        nn_no nnh nnh_cm nus nus_ss nyn nyn_ug om om_et om_ke or or_in os os_ge os_ru pa pa_arab pa_arab_pk
        pa_guru pa_guru_in pl pl_pl prg ps ps_af ps_pk pt pt_ao pt_br pt_ch pt_cv pt_gq pt_gw pt_lu pt_mo
        pt_mz pt_pt pt_st pt_tl qu qu_bo qu_ec qu_pe rm rm_ch rn rn_bi ro ro_md ro_ro rof rof_tz ru ru_by
        ru_kg ru_kz ru_md ru_ru ru_ua rw rw_rw rwk rwk_tz sah sah_ru saq saq_ke sbp sbp_tz sd se se_fi se_no
        se_se seh seh_mz ses ses_ml sg sg_cf shi shi_latn shi_latn_ma shi_tfng shi_tfng_ma si si_lk sk sk_sk
        sl sl_si smn smn_fi sn sn_zw so so_dj so_et so_ke so_so sq sq_al sq_mk sq_xk sr sr_cyrl sr_cyrl_ba
        sr_cyrl_me sr_cyrl_rs sr_cyrl_xk sr_latn sr_latn_ba sr_latn_me sr_latn_rs sr_latn_xk sv sv_ax sv_fi
        sv_se sw sw_cd sw_ke sw_tz sw_ug ta ta_in ta_lk ta_my ta_sg te te_in teo teo_ke teo_ug tg tg_tj th
        th_th ti ti_er ti_et tk tk_tm to to_to tr tr_cy tr_tr tt tt_ru twq twq_ne tzm tzm_ma ug ug_cn uk
        uk_ua ur uz uz_arab uz_arab_af uz_cyrl uz_cyrl_uz uz_latn uz_latn_uz vai vai_latn vai_latn_lr
        vai_vaii vai_vaii_lr vi vi_vn vun vun_tz wae wae_ch wo wo_sn xh xh_za xog xog_ug yav yav_cm yi yo
        yo_bj yo_ng yue yue_hans yue_hans_cn yue_hant yue_hant_hk zgh zgh_ma zh zh_hans zh_hans_cn
        zh_hans_hk zh_hans_mo zh_hans_sg zh_hant zh_hant_hk zh_hant_mo zh_hant_tw zu zu_za
        """.split(whereSeparator: \.isWhitespace).map(String.init))
}
